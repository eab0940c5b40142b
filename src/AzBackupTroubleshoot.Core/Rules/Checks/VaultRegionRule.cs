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
                return RuleOutcome.Unknown($"The region of {(vault.Location == null ? name : "the VM")} was not reported.");
            }

            return TargetVaultCheck.SameRegion(vault.Location, evidence.Location)
                ? RuleOutcome.Pass($"The {name} is in {vault.Location}, the region of VM '{evidence.Vm.Name}'.")
                : RuleOutcome.Fail($"The {name} is in {vault.Location}, but VM '{evidence.Vm.Name}' is in {evidence.Location}: a vault protects only VMs of its own region.");
        }
    }
}
