using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules
{
    /// <summary>
    /// A verdict and the evidence that decided it, in plain words in the three languages (e.g. "agent status Not Ready
    /// since …"). The evaluator picks the caller's language when it writes the result.
    /// </summary>
    public sealed record RuleOutcome(RuleResult Result, LocalizedText Evidence)
    {
        /// <summary>
        /// An error code the service itself reported in the evidence (e.g. the backup status API's errorCode), so the
        /// evaluator can look up the documented remedy for it; null when the rule judged from state alone.
        /// </summary>
        public string? ServiceErrorCode { get; init; }

        /// <summary>The English message that came with <see cref="ServiceErrorCode"/>.</summary>
        public string? ServiceErrorMessage { get; init; }

        public static RuleOutcome Pass(LocalizedText evidence) => new(RuleResult.Pass, evidence);

        public static RuleOutcome Pass(string english, string simplifiedChinese, string traditionalChinese) =>
            Pass(new LocalizedText(english, simplifiedChinese, traditionalChinese));

        public static RuleOutcome Warning(LocalizedText evidence) => new(RuleResult.Warning, evidence);

        public static RuleOutcome Warning(string english, string simplifiedChinese, string traditionalChinese) =>
            Warning(new LocalizedText(english, simplifiedChinese, traditionalChinese));

        public static RuleOutcome Fail(LocalizedText evidence) => new(RuleResult.Fail, evidence);

        public static RuleOutcome Fail(string english, string simplifiedChinese, string traditionalChinese) =>
            Fail(new LocalizedText(english, simplifiedChinese, traditionalChinese));

        public static RuleOutcome NotApplicable(LocalizedText evidence) => new(RuleResult.NotApplicable, evidence);

        public static RuleOutcome NotApplicable(string english, string simplifiedChinese, string traditionalChinese) =>
            NotApplicable(new LocalizedText(english, simplifiedChinese, traditionalChinese));

        public static RuleOutcome Unknown(LocalizedText evidence) => new(RuleResult.Unknown, evidence);

        public static RuleOutcome Unknown(string english, string simplifiedChinese, string traditionalChinese) =>
            Unknown(new LocalizedText(english, simplifiedChinese, traditionalChinese));
    }
}
