namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>A knowledge-base entry an error matched, how, and how far that can be trusted for the job at hand.</summary>
    public sealed class KnowledgeMatch
    {
        public KnowledgeMatch(KnowledgeEntry entry, MatchKind kind, double score, string matched, MatchConfidence confidence)
        {
            Entry = entry;
            Kind = kind;
            Score = score;
            Matched = matched;
            Confidence = confidence;
        }

        public KnowledgeEntry Entry { get; }
        public MatchKind Kind { get; }

        /// <summary>1 for a code match; for a message match, the share of the documented phrase's significant words found.</summary>
        public double Score { get; }

        /// <summary>The code, or the documented message, that matched.</summary>
        public string Matched { get; }

        public MatchConfidence Confidence { get; }

        public override string ToString() => $"{Entry.Id} by {Kind} '{Matched}' ({Confidence})";
    }
}
