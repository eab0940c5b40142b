using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// Protection.Status: the backup status API's own verdict. It guards no fixed entry: a failure carries the
    /// service's error code, which the evaluator resolves to its knowledge-base entry.
    /// </summary>
    public sealed class ProtectionStatusRule : ReadinessRule
    {
        public const string RuleId = "Protection.Status";

        public ProtectionStatusRule()
            : base(
                RuleId,
                new LocalizedText("The backup status reports no protection failure", "备份状态未报告保护失败", "備份狀態未回報保護失敗"),
                RuleSeverity.Error,
                [],
                EvidencePart.Protection)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.Protection, EvidencePart.Protection, protection => Judge(evidence, protection));

        private static RuleOutcome Judge(VmEvidence evidence, ProtectionEvidence protection)
        {
            var status = protection.ProtectionStatus;
            if (status == null)
            {
                return RuleOutcome.Unknown("The backup status API returned no protection status.");
            }

            if (!EvidenceText.Is(status, "ProtectionFailed"))
            {
                return RuleOutcome.Pass($"The backup status API reports {status}.");
            }

            var code = string.IsNullOrWhiteSpace(protection.ErrorCode) ? "no error code" : "error " + protection.ErrorCode;
            var message = string.IsNullOrWhiteSpace(protection.ErrorMessage) ? string.Empty : ": " + EvidenceText.Shorten(protection.ErrorMessage!).TrimEnd('.');
            return RuleOutcome.Fail($"The backup status API reports ProtectionFailed with {code}{message}.")
                with { ServiceErrorCode = protection.ErrorCode, ServiceErrorMessage = protection.ErrorMessage };
        }
    }
}
