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
                return RuleOutcome.Unknown("The instance view reports no provisioning state.");
            }

            if (EvidenceText.Is(state, "succeeded"))
            {
                return RuleOutcome.Pass("VM provisioning state is succeeded.");
            }

            if (EvidenceText.Is(state, "failed"))
            {
                return RuleOutcome.Fail("VM provisioning state is failed" + FailedExtensions(evidence) + ".");
            }

            if (EvidenceText.Is(state, "deleting"))
            {
                return RuleOutcome.Fail("VM provisioning state is deleting: the VM is being removed.");
            }

            return RuleOutcome.Warning($"VM provisioning state is {state}, not succeeded: an operation on the VM is under way and a backup started now may fail.");
        }

        // B3: a failed extension is the usual reason a VM's provisioning state is failed.
        private static string FailedExtensions(VmEvidence evidence)
        {
            var failed = (evidence.Extensions ?? []).Where(e => EvidenceText.Is(e.ProvisioningState, "Failed")).Select(e => $"'{e.Name}'").ToList();
            return failed.Count == 0 ? string.Empty : "; failed extensions: " + string.Join(", ", failed);
        }
    }
}
