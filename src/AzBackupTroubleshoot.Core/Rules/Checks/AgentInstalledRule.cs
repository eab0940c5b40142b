using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Agent.Installed (A14): without a guest agent the backup extension cannot be installed.</summary>
    public sealed class AgentInstalledRule : ReadinessRule
    {
        public const string RuleId = "Agent.Installed";

        public AgentInstalledRule()
            : base(
                RuleId,
                new LocalizedText("The VM agent is installed", "已安装虚拟机代理", "已安裝虛擬機器代理程式"),
                RuleSeverity.Error,
                ["A14"],
                EvidencePart.Vm,
                EvidencePart.InstanceView)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) => AgentReporting.UnlessRunning(evidence) ?? JudgeRunning(evidence);

        private static RuleOutcome JudgeRunning(VmEvidence evidence)
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
