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
            var status = EvidenceText.OrNotReported(protection.ProtectionStatus);
            if (protection.VaultId == null)
            {
                return RuleOutcome.Pass(
                    $"The backup status is {status.English} and no vault holds a protected item of the VM.",
                    $"备份状态为 {status.SimplifiedChinese}，没有任何保管库持有该虚拟机的受保护项。",
                    $"備份狀態為 {status.TraditionalChinese}，沒有任何保存庫持有此虛擬機器的受保護項目。");
            }

            var name = TargetVaultCheck.Name(vault);
            return string.Equals(protection.VaultId, vault.VaultId, System.StringComparison.OrdinalIgnoreCase)
                ? RuleOutcome.Pass(
                    $"The VM is already protected by the {name.English} itself (backup status {status.English}).",
                    $"该虚拟机已由{name.SimplifiedChinese}本身保护（备份状态 {status.SimplifiedChinese}）。",
                    $"此虛擬機器已由{name.TraditionalChinese}本身保護（備份狀態 {status.TraditionalChinese}）。")
                : RuleOutcome.Fail(
                    $"The VM is protected by vault {protection.VaultId} (backup status {status.English}), not by the {name.English}: a VM can be protected by one vault only.",
                    $"该虚拟机由保管库 {protection.VaultId} 保护（备份状态 {status.SimplifiedChinese}），而不是由{name.SimplifiedChinese}保护：一台虚拟机只能由一个保管库保护。",
                    $"此虛擬機器由保存庫 {protection.VaultId} 保護（備份狀態 {status.TraditionalChinese}），而非由{name.TraditionalChinese}保護：一部虛擬機器只能由一個保存庫保護。");
        }
    }
}
