using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>VM.ProvisioningState (B3): a failed VM cannot be backed up; an update in progress gets in the way.</summary>
    public sealed class VmProvisioningStateRule : ReadinessRule
    {
        public const string RuleId = "VM.ProvisioningState";

        public VmProvisioningStateRule()
            : base(
                RuleId,
                new LocalizedText("The VM's provisioning state is Succeeded", "虚拟机的预配状态为“成功”", "虛擬機器的佈建狀態為「成功」"),
                RuleSeverity.Error,
                ["B3"],
                EvidencePart.InstanceView)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence)
        {
            var state = evidence.ProvisioningState;
            if (state == null)
            {
                return RuleOutcome.Unknown("The instance view reports no provisioning state.", "实例视图未报告预配状态。", "執行個體檢視未回報佈建狀態。");
            }

            if (EvidenceText.Is(state, "succeeded"))
            {
                return RuleOutcome.Pass("VM provisioning state is succeeded.", "虚拟机预配状态为 succeeded。", "虛擬機器佈建狀態為 succeeded。");
            }

            if (EvidenceText.Is(state, "failed"))
            {
                var failed = FailedExtensions(evidence);
                return RuleOutcome.Fail(
                    "VM provisioning state is failed" + (failed.Count == 0 ? "." : "; failed extensions: " + string.Join(", ", failed) + "."),
                    "虚拟机预配状态为 failed" + (failed.Count == 0 ? "。" : "；失败的扩展：" + string.Join("、", failed) + "。"),
                    "虛擬機器佈建狀態為 failed" + (failed.Count == 0 ? "。" : "；失敗的延伸模組：" + string.Join("、", failed) + "。"));
            }

            if (EvidenceText.Is(state, "deleting"))
            {
                return RuleOutcome.Fail(
                    "VM provisioning state is deleting: the VM is being removed.",
                    "虚拟机预配状态为 deleting：该虚拟机正在被删除。",
                    "虛擬機器佈建狀態為 deleting：此虛擬機器正在被刪除。");
            }

            return RuleOutcome.Warning(
                $"VM provisioning state is {state}, not succeeded: an operation on the VM is under way and a backup started now may fail.",
                $"虚拟机预配状态为 {state}，而不是 succeeded：该虚拟机上有操作正在进行，此时启动的备份可能会失败。",
                $"虛擬機器佈建狀態為 {state}，而不是 succeeded：此虛擬機器上有作業正在進行，此時啟動的備份可能會失敗。");
        }

        // B3: a failed extension is the usual reason a VM's provisioning state is failed.
        private static List<string> FailedExtensions(VmEvidence evidence) =>
            (evidence.Extensions ?? []).Where(e => EvidenceText.Is(e.ProvisioningState, "Failed")).Select(e => $"'{e.Name}'").ToList();
    }
}
