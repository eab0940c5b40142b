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
                return RuleOutcome.Unknown("The instance view reports no power state.");
            }

            if (EvidenceText.Is(state, "running") || EvidenceText.Is(state, "stopped") || EvidenceText.Is(state, "deallocated"))
            {
                return RuleOutcome.Pass($"VM power state is {state}.");
            }

            if (EvidenceText.Is(state, "unknown"))
            {
                return RuleOutcome.Unknown("The platform reports the VM's power state as unknown.");
            }

            return RuleOutcome.Fail($"VM power state is {state}, a transitional state: backup needs the VM running, stopped or deallocated.");
        }
    }
}
