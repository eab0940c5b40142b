namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>An error recognised as a knowledge-base entry, and how.</summary>
    public sealed class KnowledgeMatch
    {
        public KnowledgeMatch(KnowledgeEntry entry, MatchKind kind, double score, string? note)
        {
            Entry = entry;
            Kind = kind;
            Score = score;
            Note = note;
        }

        public KnowledgeEntry Entry { get; }
        public MatchKind Kind { get; }

        /// <summary>1 for a code match; for a message match, the share of the documented phrase found.</summary>
        public double Score { get; }

        /// <summary>Why the match is less direct than a code, e.g. an unknown numeric code matched by message.</summary>
        public string? Note { get; }
    }
}
