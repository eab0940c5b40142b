using System.Collections.Generic;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>One documented error: how to recognise it, what it means, why it happens and how to fix it.</summary>
    public sealed class KnowledgeEntry
    {
        public KnowledgeEntry(
            string id,
            KnowledgeCategory category,
            EvidenceClass evidence,
            Applicability appliesTo,
            string topic,
            IReadOnlyList<ErrorCode> codes,
            IReadOnlyList<string> messages,
            LocalizedText title,
            LocalizedText meaning,
            IReadOnlyList<KnowledgeCause> causes,
            IReadOnlyList<KnowledgeRemedy> remedies,
            IReadOnlyList<string> related)
        {
            Id = id;
            Category = category;
            Evidence = evidence;
            AppliesTo = appliesTo;
            Topic = topic;
            Codes = codes;
            Messages = messages;
            Title = title;
            Meaning = meaning;
            Causes = causes;
            Remedies = remedies;
            Related = related;
        }

        /// <summary>The checklist row, e.g. A9; stable.</summary>
        public string Id { get; }
        public KnowledgeCategory Category { get; }
        public EvidenceClass Evidence { get; }
        public Applicability AppliesTo { get; }

        /// <summary>Documentation article and section anchor: <c>article#anchor</c>.</summary>
        public string Topic { get; }
        public IReadOnlyList<ErrorCode> Codes { get; }

        /// <summary>The service's English messages (or their distinctive part) that identify this error.</summary>
        public IReadOnlyList<string> Messages { get; }
        public LocalizedText Title { get; }
        public LocalizedText Meaning { get; }
        public IReadOnlyList<KnowledgeCause> Causes { get; }
        public IReadOnlyList<KnowledgeRemedy> Remedies { get; }
        public IReadOnlyList<string> Related { get; }

        public override string ToString() => Id + " " + Title.English;
    }
}
