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
                var policy = vault.PolicyName == null ? "either policy type" : $"the {vault.PolicyText}";
                return RuleOutcome.Pass($"The VM's security type is {security ?? "Standard"}: {policy} can protect it.");
            }

            var needs = $"The VM's security type is {security}, which is protected with an Enhanced policy";
            return vault.IsEnhancedPolicy switch
            {
                true => RuleOutcome.Pass($"{needs}; the {vault.PolicyText} is one."),
                false => RuleOutcome.Fail($"{needs}; the {vault.PolicyText} is a Standard policy."),
                null => RuleOutcome.Warning($"{needs}; no policy was named (-PolicyName), so choose an Enhanced policy."),
            };
        }
    }
}
