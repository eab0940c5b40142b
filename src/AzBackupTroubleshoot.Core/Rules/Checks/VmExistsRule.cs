using System.Collections.Generic;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>VM.Exists (A12): a deleted VM that is still protected fails every backup with ResourceNotFound.</summary>
    public sealed class VmExistsRule : IReadinessRule
    {
        public const string RuleId = "VM.Exists";

        public string Id => RuleId;

        public LocalizedText Title { get; } = new("The VM exists", "虚拟机存在", "虛擬機器存在");

        public RuleSeverity Severity => RuleSeverity.Error;

        public IReadOnlyList<string> Guards { get; } = ["A12"];

        public IReadOnlyList<EvidencePart> Reads { get; } = [EvidencePart.Vm];

        // Not a ReadinessRule: this is the one check that judges a missing VM instead of skipping it.
        public RuleOutcome Evaluate(VmEvidence evidence)
        {
            var vm = evidence.Vm;
            if (!evidence.Exists)
            {
                var item = evidence.Protection?.ProtectedItemId;
                return RuleOutcome.Fail(
                    $"ARM answered 404 for VM '{vm.Name}' in resource group {vm.ResourceGroupName}: it was deleted or never existed"
                    + (item == null ? "." : $"; it is still protected ({item}), so its backups fail."),
                    $"ARM 对资源组 {vm.ResourceGroupName} 中的虚拟机“{vm.Name}”返回 404：该虚拟机已被删除或从未存在"
                    + (item == null ? "。" : $"；它仍受保护（{item}），因此其备份会失败。"),
                    $"ARM 對資源群組 {vm.ResourceGroupName} 中的虛擬機器「{vm.Name}」傳回 404：此虛擬機器已被刪除或從未存在"
                    + (item == null ? "。" : $"；它仍受保護（{item}），因此其備份會失敗。"));
            }

            return MissingEvidenceText.UnknownIfGap(evidence, Reads)
                ?? RuleOutcome.Pass(
                    $"ARM returned VM '{vm.Name}' in resource group {vm.ResourceGroupName}.",
                    $"ARM 返回了资源组 {vm.ResourceGroupName} 中的虚拟机“{vm.Name}”。",
                    $"ARM 傳回了資源群組 {vm.ResourceGroupName} 中的虛擬機器「{vm.Name}」。");
        }
    }
}
