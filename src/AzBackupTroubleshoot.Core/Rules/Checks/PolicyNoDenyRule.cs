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
                return RuleOutcome.Fail(EvidenceText.Sentence(blocking.Select(Describe)).Append(new LocalizedText(
                    " It can deny the resource group Azure Backup creates for restore points.",
                    "它可能会拒绝 Azure 备份为还原点创建的资源组。",
                    "它可能會拒絕 Azure 備份為還原點建立的資源群組。")));
            }

            return policies.Count == 0
                ? RuleOutcome.Pass(
                    "No deny-effect policy assignment applies at the VM's scope.",
                    "在该虚拟机的范围内没有适用的拒绝效果策略分配。",
                    "在此虛擬機器的範圍內沒有適用的拒絕效果原則指派。")
                : RuleOutcome.Pass(
                    $"Deny-effect policy assignments at the VM's scope: {policies.Count}; none targets resource groups or tags.",
                    $"该虚拟机范围内的拒绝效果策略分配：{policies.Count} 个；没有一个以资源组或标记为目标。",
                    $"此虛擬機器範圍內的拒絕效果原則指派：{policies.Count} 個；沒有一個以資源群組或標籤為目標。");
        }

        private static LocalizedText Describe(PolicyEvidence p)
        {
            var name = p.DisplayName ?? p.AssignmentId;
            return new LocalizedText(
                $"policy assignment '{name}' ({p.Effect}) at {p.Scope} targets resource groups or tags",
                $"位于 {p.Scope} 的策略分配“{name}”（{p.Effect}）以资源组或标记为目标",
                $"位於 {p.Scope} 的原則指派「{name}」（{p.Effect}）以資源群組或標籤為目標");
        }
    }
}
