using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Agent.Installed (A14): without a guest agent the backup extension cannot be installed.</summary>
    internal sealed class AgentInstalledRule : AgentRule
    {
        public AgentInstalledRule()
            : base(
                "Agent.Installed",
                new LocalizedText("The VM agent is installed", "已安装虚拟机代理", "已安裝虛擬機器代理程式"),
                ["A14"],
                EvidencePart.Vm,
                EvidencePart.InstanceView)
        {
        }

        protected override RuleOutcome JudgeRunning(VmEvidence evidence)
        {
            var flagOff = evidence.ProvisionVmAgent == false;
            if (evidence.Agent == null)
            {
                return RuleOutcome.Fail(
                    "The running VM's instance view has no vmAgent section: no VM agent reports from the guest"
                    + (flagOff ? ", and the VM model says provisionVMAgent false." : "."));
            }

            var version = evidence.Agent.Version;
            if (flagOff)
            {
                return RuleOutcome.Fail($"The VM model says provisionVMAgent false, although the instance view has a vmAgent section (version '{version}').");
            }

            // Azure fills the section with version "Unknown" when no agent answers: not installed, or installed but hung.
            if (!AgentVersion.TryParse(version, out _))
            {
                return RuleOutcome.Unknown($"The instance view's vmAgent section has no agent version ('{version}'): the agent is either not installed or not responding.");
            }

            return RuleOutcome.Pass($"VM agent {version} reports from the guest.");
        }
    }
}
