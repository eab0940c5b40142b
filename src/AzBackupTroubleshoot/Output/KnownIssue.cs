using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Output
{
    /// <summary>A documented error as Get-AzBackupKnownIssue shows it: one knowledge-base entry in one language.</summary>
    public sealed class KnownIssue
    {
        private static readonly Regex Placeholder = new(@"\{\w+\}", RegexOptions.CultureInvariant);

        private KnownIssue(KnowledgeEntry entry, SupportedCulture culture)
        {
            Id = entry.Id;
            Codes = entry.Codes.Select(c => c.Text).ToList();
            Messages = entry.Messages;
            Title = entry.Title.Get(culture);
            Meaning = entry.Meaning.Get(culture);
            Causes = entry.Causes.Select(c => new KnownIssueCause(c.Id, c.Text.Get(culture), c.Checks)).ToList();
            Remedies = entry.Remedies.Select((r, i) => new DiagnosedRemedy(
                i + 1,
                r.Text.Get(culture),
                ReadyCommand(r.CommandTemplate),
                r.CommandTemplate,
                r.SeeAlso,
                r.Scripts,
                r.Destructive)).ToList();
            Category = entry.Category;
            Evidence = entry.Evidence;
            AppliesTo = entry.AppliesTo;
            Topic = entry.Topic;
            Related = entry.Related;
            Culture = culture.ToCultureName();
        }

        /// <summary>The checklist row, e.g. A12; stable.</summary>
        public string Id { get; }

        /// <summary>Every code the service uses for this error: textual, numeric or hexadecimal.</summary>
        public IReadOnlyList<string> Codes { get; }

        /// <summary>The service's English messages (or their distinctive part) that identify this error.</summary>
        public IReadOnlyList<string> Messages { get; }

        public string Title { get; }

        public string Meaning { get; }

        public IReadOnlyList<KnownIssueCause> Causes { get; }

        /// <summary>The ordered remedy steps; Command is set when the step's command needs no value from a failure.</summary>
        public IReadOnlyList<DiagnosedRemedy> Remedies { get; }

        public KnowledgeCategory Category { get; }

        /// <summary>Where the proof of a cause can be read.</summary>
        public EvidenceClass Evidence { get; }

        public Applicability AppliesTo { get; }

        /// <summary>The documentation article and section: article#anchor.</summary>
        public string Topic { get; }

        /// <summary>Ids of related entries.</summary>
        public IReadOnlyList<string> Related { get; }

        /// <summary>en-US, zh-CN or zh-TW: the language of the text.</summary>
        public string Culture { get; }

        public static KnownIssue From(KnowledgeEntry entry, SupportedCulture culture) => new(entry, culture);

        public override string ToString() => Id + " " + Title;

        // Without a failure there is nothing to fill {VmId} and the like with; a template without any is ready as is.
        private static string? ReadyCommand(string? template) =>
            template == null || Placeholder.IsMatch(template) ? null : template;
    }
}
