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
            var asked = $"The backup service in {answer.Region} pre-validated protection in the {TargetVaultCheck.Name(vault)}";
            if (EvidenceText.Is(answer.Status, "Succeeded"))
            {
                return RuleOutcome.Pass($"{asked}: Succeeded.");
            }

            if (!EvidenceText.Is(answer.Status, "Failed"))
            {
                return RuleOutcome.Unknown($"{asked}: status {answer.Status ?? "not reported"}.");
            }

            var message = answer.ErrorMessage == null ? string.Empty : $" {EvidenceText.Shorten(answer.ErrorMessage).TrimEnd('.')}.";
            var recommendation = answer.Recommendation == null ? string.Empty : $" Recommendation: {EvidenceText.Shorten(answer.Recommendation).TrimEnd('.')}.";
            return RuleOutcome.Fail($"{asked}: Failed, {answer.ErrorCode ?? "no code"}.{message}{recommendation}") with
            {
                ServiceErrorCode = answer.ErrorCode,
                ServiceErrorMessage = answer.ErrorMessage,
            };
        }
    }
}
