using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>VM.PowerState (A3): backup needs running, stopped or deallocated; a VM in transition fails it.</summary>
    public sealed class VmPowerStateRule : ReadinessRule
    {
        public const string RuleId = "VM.PowerState";

        public VmPowerStateRule()
            : base(
                RuleId,
                new LocalizedText(
                    "The VM is running, stopped or deallocated, not in transition",
                    "虚拟机处于运行、已停止或已解除分配状态，而非过渡状态",
                    "虛擬機器處於執行中、已停止或已解除配置狀態，而非轉換狀態"),
                RuleSeverity.Error,
                ["A3"],
                EvidencePart.InstanceView)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence)
        {
            var state = evidence.PowerState;
            if (state == null)
            {
                return RuleOutcome.Unknown("The instance view reports no power state.", "实例视图未报告电源状态。", "執行個體檢視未回報電源狀態。");
            }

            if (EvidenceText.Is(state, "running") || EvidenceText.Is(state, "stopped") || EvidenceText.Is(state, "deallocated"))
            {
                return RuleOutcome.Pass($"VM power state is {state}.", $"虚拟机电源状态为 {state}。", $"虛擬機器電源狀態為 {state}。");
            }

            if (EvidenceText.Is(state, "unknown"))
            {
                return RuleOutcome.Unknown(
                    "The platform reports the VM's power state as unknown.",
                    "平台报告该虚拟机的电源状态为未知。",
                    "平台回報此虛擬機器的電源狀態為未知。");
            }

            return RuleOutcome.Fail(
                $"VM power state is {state}, a transitional state: backup needs the VM running, stopped or deallocated.",
                $"虚拟机电源状态为 {state}，属于过渡状态：备份要求虚拟机处于运行、已停止或已解除分配状态。",
                $"虛擬機器電源狀態為 {state}，屬於轉換狀態：備份要求虛擬機器處於執行中、已停止或已解除配置狀態。");
        }
    }
}
