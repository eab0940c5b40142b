using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Vault.NotProtectedElsewhere (G17): a VM is protected by one vault at a time.</summary>
    public sealed class VaultNotProtectedElsewhereRule : ReadinessRule
    {
        public const string RuleId = "Vault.NotProtectedElsewhere";

        public VaultNotProtectedElsewhereRule()
            : base(
                RuleId,
                new LocalizedText("No other vault protects the VM", "没有其他保管库在保护此 VM", "沒有其他保存庫在保護此 VM"),
                RuleSeverity.Error,
                ["G17"],
                EvidencePart.Protection,
                EvidencePart.TargetVault)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            TargetVaultCheck.IfGiven(evidence, vault => IfCollected(evidence.Protection, EvidencePart.Protection, protection => Judge(vault, protection)));

        private static RuleOutcome Judge(TargetVaultEvidence vault, ProtectionEvidence protection)
        {
            var status = protection.ProtectionStatus ?? "not reported";
            if (protection.VaultId == null)
            {
                return RuleOutcome.Pass($"The backup status is {status} and no vault holds a protected item of the VM.");
            }

            return string.Equals(protection.VaultId, vault.VaultId, System.StringComparison.OrdinalIgnoreCase)
                ? RuleOutcome.Pass($"The VM is already protected by the {TargetVaultCheck.Name(vault)} itself (backup status {status}).")
                : RuleOutcome.Fail($"The VM is protected by vault {protection.VaultId} (backup status {status}), not by the {TargetVaultCheck.Name(vault)}: a VM can be protected by one vault only.");
        }
    }
}
