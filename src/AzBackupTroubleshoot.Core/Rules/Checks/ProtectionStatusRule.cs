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
                return RuleOutcome.Unknown(
                    "The backup status API returned no protection status.",
                    "备份状态 API 未返回保护状态。",
                    "備份狀態 API 未傳回保護狀態。");
            }

            if (!EvidenceText.Is(status, "ProtectionFailed"))
            {
                return RuleOutcome.Pass(
                    $"The backup status API reports {status}.",
                    $"备份状态 API 报告 {status}。",
                    $"備份狀態 API 回報 {status}。");
            }

            // The service's message is quoted as it came, in English.
            var hasCode = !string.IsNullOrWhiteSpace(protection.ErrorCode);
            var message = string.IsNullOrWhiteSpace(protection.ErrorMessage) ? string.Empty : EvidenceText.Shorten(protection.ErrorMessage!).TrimEnd('.');
            var english = $"The backup status API reports ProtectionFailed with {(hasCode ? "error " + protection.ErrorCode : "no error code")}{(message.Length == 0 ? string.Empty : ": " + message)}.";
            var simplified = $"备份状态 API 报告 ProtectionFailed，{(hasCode ? "错误代码 " + protection.ErrorCode : "没有错误代码")}{(message.Length == 0 ? string.Empty : "：" + message)}。";
            var traditional = $"備份狀態 API 回報 ProtectionFailed，{(hasCode ? "錯誤碼 " + protection.ErrorCode : "沒有錯誤碼")}{(message.Length == 0 ? string.Empty : "：" + message)}。";
            return RuleOutcome.Fail(english, simplified, traditional)
                with { ServiceErrorCode = protection.ErrorCode, ServiceErrorMessage = protection.ErrorMessage };
        }
    }
}
