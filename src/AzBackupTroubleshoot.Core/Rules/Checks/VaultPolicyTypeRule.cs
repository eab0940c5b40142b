using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// Vault.EnhancedPolicy (G19): Trusted Launch and confidential VMs are protected with the Enhanced policy (the
    /// portal offers nothing else for them; a Standard policy takes a Trusted Launch VM only through the newest CLI,
    /// PowerShell and REST versions, and never a confidential VM).
    /// </summary>
    public sealed class VaultPolicyTypeRule : ReadinessRule
    {
        public const string RuleId = "Vault.EnhancedPolicy";

        public VaultPolicyTypeRule()
            : base(
                RuleId,
                new LocalizedText("The policy type fits the VM's security type", "策略类型适合 VM 的安全类型", "原則類型適合 VM 的安全性類型"),
                RuleSeverity.Error,
                ["G19"],
                EvidencePart.Vm,
                EvidencePart.TargetVault)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            TargetVaultCheck.IfGiven(evidence, vault => Judge(evidence, vault));

        private static RuleOutcome Judge(VmEvidence evidence, TargetVaultEvidence vault)
        {
            var security = evidence.SecurityType;
            if (!EvidenceText.Is(security, "TrustedLaunch") && !EvidenceText.Is(security, "ConfidentialVM"))
            {
                var policy = vault.PolicyName == null
                    ? new LocalizedText("either policy type", "任一策略类型", "任一原則類型")
                    : new LocalizedText("the ", string.Empty, string.Empty).Append(TargetVaultCheck.Policy(vault));
                var type = security ?? "Standard";
                return RuleOutcome.Pass(
                    $"The VM's security type is {type}: {policy.English} can protect it.",
                    $"该虚拟机的安全类型为 {type}：{policy.SimplifiedChinese}可以保护它。",
                    $"此虛擬機器的安全性類型為 {type}：{policy.TraditionalChinese}可以保護它。");
            }

            var needs = new LocalizedText(
                $"The VM's security type is {security}, which is protected with an Enhanced policy",
                $"该虚拟机的安全类型为 {security}，此类虚拟机需使用增强策略保护",
                $"此虛擬機器的安全性類型為 {security}，此類虛擬機器需使用增強原則保護");
            return vault.IsEnhancedPolicy switch
            {
                true => RuleOutcome.Pass(EvidenceText.Sentence([needs, TargetVaultCheck.PolicyIsEnhanced(vault)])),
                false => RuleOutcome.Fail(EvidenceText.Sentence([needs, TargetVaultCheck.PolicyIsStandard(vault)])),
                null => RuleOutcome.Warning(EvidenceText.Sentence([needs, TargetVaultCheck.NoPolicyNamed])),
            };
        }
    }
}
