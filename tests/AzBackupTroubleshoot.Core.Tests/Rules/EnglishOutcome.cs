using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Core.Tests.Rules
{
    /// <summary>
    /// A rule outcome as an English reader sees it: the rule tests assert the English evidence word for word, and
    /// <see cref="Checks.EvidenceLanguagesTests"/> holds the other two languages to it.
    /// </summary>
    public sealed record EnglishOutcome(RuleResult Result, string Evidence)
    {
        public string? ServiceErrorCode { get; init; }

        public string? ServiceErrorMessage { get; init; }

        public static EnglishOutcome Of(RuleOutcome outcome) =>
            new(outcome.Result, outcome.Evidence.English) { ServiceErrorCode = outcome.ServiceErrorCode, ServiceErrorMessage = outcome.ServiceErrorMessage };

        public static EnglishOutcome Pass(string evidence) => new(RuleResult.Pass, evidence);

        public static EnglishOutcome Warning(string evidence) => new(RuleResult.Warning, evidence);

        public static EnglishOutcome Fail(string evidence) => new(RuleResult.Fail, evidence);

        public static EnglishOutcome NotApplicable(string evidence) => new(RuleResult.NotApplicable, evidence);

        public static EnglishOutcome Unknown(string evidence) => new(RuleResult.Unknown, evidence);
    }
}
