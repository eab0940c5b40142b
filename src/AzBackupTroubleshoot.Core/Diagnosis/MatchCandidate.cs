using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>A documented error an unrecognised failure resembles, and why it was not taken as the answer.</summary>
    public sealed class MatchCandidate
    {
        public MatchCandidate(string id, string title, MatchKind matchedBy, MatchConfidence confidence, string why)
        {
            Id = id;
            Title = title;
            MatchedBy = matchedBy;
            Confidence = confidence;
            Why = why;
        }

        /// <summary>The knowledge-base entry id.</summary>
        public string Id { get; }
        public string Title { get; }
        public MatchKind MatchedBy { get; }
        public MatchConfidence Confidence { get; }

        /// <summary>What matched and what was missing, in the output's language.</summary>
        public string Why { get; }

        public override string ToString() => $"{Id} {Title}: {Why}";
    }
}
