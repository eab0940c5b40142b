using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Policy.NoDeny (A18): a deny policy on resource groups or tags stops Azure Backup creating its restore point group.</summary>
    public sealed class PolicyNoDenyRule : ReadinessRule
    {
        public const string RuleId = "Policy.NoDeny";

        public PolicyNoDenyRule()
            : base(
                RuleId,
                new LocalizedText("No Azure Policy denies the backup resource group", "没有 Azure Policy 拒绝备份资源组", "沒有 Azure 原則拒絕備份資源群組"),
                RuleSeverity.Error,
                ["A18"],
                EvidencePart.Policy)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.DenyPolicies, EvidencePart.Policy, policies => Judge(evidence, policies));

        private static RuleOutcome Judge(VmEvidence evidence, IReadOnlyList<PolicyEvidence> policies)
        {
            var blocking = policies.Where(p => p.TargetsResourceGroupsOrTags).ToList();
            if (blocking.Count > 0)
            {
                return RuleOutcome.Fail(
                    EvidenceText.Sentence(blocking.Select(p => $"policy assignment '{p.DisplayName ?? p.AssignmentId}' ({p.Effect}) at {p.Scope} targets resource groups or tags"))
                    + " It can deny the resource group Azure Backup creates for restore points.");
            }

            return RuleOutcome.Pass(policies.Count == 0
                ? "No deny-effect policy assignment applies at the VM's scope."
                : $"Deny-effect policy assignments at the VM's scope: {policies.Count}; none targets resource groups or tags.");
        }
    }
}
