using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// Vault.ServiceValidation: the backup service's own check (backupPreValidateProtection) of protecting the VM in the
    /// vault. A failed validation names the service's code, which the evaluator maps to its documented entry.
    /// </summary>
    public sealed class VaultPreValidationRule : ReadinessRule
    {
        public const string RuleId = "Vault.ServiceValidation";

        public VaultPreValidationRule()
            : base(
                RuleId,
                new LocalizedText("The backup service validates protecting the VM in the vault", "备份服务验证可在该保管库中保护此 VM", "備份服務驗證可在該保存庫中保護此 VM"),
                RuleSeverity.Error,
                [],
                EvidencePart.TargetVault,
                EvidencePart.PreValidation)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            TargetVaultCheck.IfGiven(evidence, vault => IfCollected(vault.PreValidation, EvidencePart.PreValidation, answer => Judge(vault, answer)));

        private static RuleOutcome Judge(TargetVaultEvidence vault, ProtectionPreValidationEvidence answer)
        {
            var name = TargetVaultCheck.Name(vault);
            var asked = new LocalizedText(
                $"The backup service in {answer.Region} pre-validated protection in the {name.English}",
                $"{answer.Region} 的备份服务已预验证在{name.SimplifiedChinese}中的保护",
                $"{answer.Region} 的備份服務已預先驗證在{name.TraditionalChinese}中的保護");
            if (EvidenceText.Is(answer.Status, "Succeeded"))
            {
                return RuleOutcome.Pass(asked.Append(new LocalizedText(": Succeeded.", "：Succeeded。", "：Succeeded。")));
            }

            if (!EvidenceText.Is(answer.Status, "Failed"))
            {
                var status = EvidenceText.OrNotReported(answer.Status);
                return RuleOutcome.Unknown(asked.Append(new LocalizedText(
                    $": status {status.English}.",
                    $"：状态为 {status.SimplifiedChinese}。",
                    $"：狀態為 {status.TraditionalChinese}。")));
            }

            // The service's message and recommendation are quoted as they came, in English.
            var message = answer.ErrorMessage == null ? null : EvidenceText.Shorten(answer.ErrorMessage).TrimEnd('.');
            var recommendation = answer.Recommendation == null ? null : EvidenceText.Shorten(answer.Recommendation).TrimEnd('.');
            var failed = answer.ErrorCode == null
                ? new LocalizedText(": Failed, no code.", "：Failed，没有错误代码。", "：Failed，沒有錯誤碼。")
                : new LocalizedText($": Failed, {answer.ErrorCode}.", $"：Failed，错误代码 {answer.ErrorCode}。", $"：Failed，錯誤碼 {answer.ErrorCode}。");
            var said = new LocalizedText(
                (message == null ? string.Empty : $" {message}.") + (recommendation == null ? string.Empty : $" Recommendation: {recommendation}."),
                (message == null ? string.Empty : $"{message}。") + (recommendation == null ? string.Empty : $"建议：{recommendation}。"),
                (message == null ? string.Empty : $"{message}。") + (recommendation == null ? string.Empty : $"建議：{recommendation}。"));
            return RuleOutcome.Fail(asked.Append(failed).Append(said)) with
            {
                ServiceErrorCode = answer.ErrorCode,
                ServiceErrorMessage = answer.ErrorMessage,
            };
        }
    }
}
