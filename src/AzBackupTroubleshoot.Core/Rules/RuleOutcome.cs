namespace AzBackupTroubleshoot.Rules
{
    /// <summary>A verdict and the evidence that decided it, in plain words (e.g. "agent status Not Ready since …").</summary>
    public sealed record RuleOutcome(RuleResult Result, string Evidence)
    {
        public static RuleOutcome Pass(string evidence) => new(RuleResult.Pass, evidence);

        public static RuleOutcome Warning(string evidence) => new(RuleResult.Warning, evidence);

        public static RuleOutcome Fail(string evidence) => new(RuleResult.Fail, evidence);

        public static RuleOutcome NotApplicable(string evidence) => new(RuleResult.NotApplicable, evidence);

        public static RuleOutcome Unknown(string evidence) => new(RuleResult.Unknown, evidence);
    }
}
