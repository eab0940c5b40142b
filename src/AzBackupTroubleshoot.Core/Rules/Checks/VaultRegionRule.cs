using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Vault.SameRegion (G18): a Recovery Services vault protects only VMs in its own region.</summary>
    public sealed class VaultRegionRule : ReadinessRule
    {
        public const string RuleId = "Vault.SameRegion";

        public VaultRegionRule()
            : base(
                RuleId,
                new LocalizedText("The vault is in the VM's region", "保管库与 VM 位于同一区域", "保存庫與 VM 位於同一區域"),
                RuleSeverity.Error,
                ["G18"],
                EvidencePart.Vm,
                EvidencePart.TargetVault)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            TargetVaultCheck.IfGiven(evidence, vault => Judge(evidence, vault));

        private static RuleOutcome Judge(VmEvidence evidence, TargetVaultEvidence vault)
        {
            var name = TargetVaultCheck.Name(vault);
            if (vault.Location == null || evidence.Location == null)
            {
                var unlocated = vault.Location == null ? name : new LocalizedText("the VM", "虚拟机", "虛擬機器");
                return RuleOutcome.Unknown(
                    $"The region of {unlocated.English} was not reported.",
                    $"未报告{unlocated.SimplifiedChinese}的区域。",
                    $"未回報{unlocated.TraditionalChinese}的區域。");
            }

            var vm = evidence.Vm.Name;
            return TargetVaultCheck.SameRegion(vault.Location, evidence.Location)
                ? RuleOutcome.Pass(
                    $"The {name.English} is in {vault.Location}, the region of VM '{vm}'.",
                    $"{name.SimplifiedChinese}位于 {vault.Location}，即虚拟机“{vm}”所在的区域。",
                    $"{name.TraditionalChinese}位於 {vault.Location}，即虛擬機器「{vm}」所在的區域。")
                : RuleOutcome.Fail(
                    $"The {name.English} is in {vault.Location}, but VM '{vm}' is in {evidence.Location}: a vault protects only VMs of its own region.",
                    $"{name.SimplifiedChinese}位于 {vault.Location}，但虚拟机“{vm}”位于 {evidence.Location}：保管库只能保护其所在区域的虚拟机。",
                    $"{name.TraditionalChinese}位於 {vault.Location}，但虛擬機器「{vm}」位於 {evidence.Location}：保存庫只能保護其所在區域的虛擬機器。");
        }
    }
}
