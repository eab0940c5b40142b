namespace AzBackupTroubleshoot.Rules
{
    /// <summary>A verdict and the evidence that decided it, in plain words (e.g. "agent status Not Ready since …").</summary>
    public sealed record RuleOutcome(RuleResult Result, string Evidence)
    {
        /// <summary>
        /// An error code the service itself reported in the evidence (e.g. the backup status API's errorCode), so the
        /// evaluator can look up the documented remedy for it; null when the rule judged from state alone.
        /// </summary>
        public string? ServiceErrorCode { get; init; }

        /// <summary>The English message that came with <see cref="ServiceErrorCode"/>.</summary>
        public string? ServiceErrorMessage { get; init; }

        public static RuleOutcome Pass(string evidence) => new(RuleResult.Pass, evidence);

        public static RuleOutcome Warning(string evidence) => new(RuleResult.Warning, evidence);

        public static RuleOutcome Fail(string evidence) => new(RuleResult.Fail, evidence);

        public static RuleOutcome NotApplicable(string evidence) => new(RuleResult.NotApplicable, evidence);

        public static RuleOutcome Unknown(string evidence) => new(RuleResult.Unknown, evidence);
    }
}
