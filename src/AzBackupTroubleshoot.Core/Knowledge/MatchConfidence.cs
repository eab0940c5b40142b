namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>
    /// How far a knowledge-base match can be trusted, from what matched and whether the entry is about the job at
    /// all. Ordered: a higher value is more trustworthy. The thresholds that act on it are in <see cref="ConfidenceThresholds"/>.
    /// </summary>
    public enum MatchConfidence
    {
        /// <summary>Something matched, but the entry is about another operation or workload than the job's.</summary>
        Contradicted,

        /// <summary>Only part of a documented message matched: a reworded or generic phrase.</summary>
        Low,

        /// <summary>A documented message matched in full and in order, and the entry is about the job's kind.</summary>
        High,

        /// <summary>A code of the entry matched (the job's code, or a textual code inside its message), and the entry is about the job's kind.</summary>
        Certain,
    }

    /// <summary>The one place where confidence turns into behaviour.</summary>
    public static class ConfidenceThresholds
    {
        /// <summary>At or above: the failure is Diagnosed. Below: Unrecognized, with the match among the candidates.</summary>
        public const MatchConfidence Diagnose = MatchConfidence.High;

        /// <summary>
        /// At or above: a step that stops or deletes something gets its ready-to-run command. Below, only evidence
        /// that confirms one of the entry's causes releases it.
        /// </summary>
        public const MatchConfidence DestructiveCommand = MatchConfidence.Certain;
    }
}
