using System;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Agent.LinuxVersion (C2): an outdated Linux agent is behind most agent and extension failures.</summary>
    internal sealed class AgentLinuxVersionRule : AgentVersionRule
    {
        /// <summary>
        /// Microsoft's support article "Minimum version support for virtual machine agents in Azure" (KB 4049215,
        /// learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/support-extensions-agent-version): "To get
        /// support for Linux Agent and extensions in Azure, the Linux Agent version … must be later than or equal to
        /// version 2.2.53.1", in force since July 2022. The backup guides name no other number, and the backup
        /// snapshot runs as an extension, so an agent below it fails. The instance view reports the goal-state
        /// (auto-updated) agent version, which is the one this compares.
        /// </summary>
        public static readonly Version SupportedMinimum = new(2, 2, 53, 1);

        public AgentLinuxVersionRule()
            : base(
                "Agent.LinuxVersion",
                new LocalizedText("The Linux VM agent is recent enough", "Linux 虚拟机代理版本足够新", "Linux 虛擬機器代理程式版本夠新"),
                ["C2"],
                "Linux",
                new AgentVersionThreshold(
                    SupportedMinimum,
                    "the minimum Azure supports for the Linux agent (WALinuxAgent) and extensions since July 2022 (KB 4049215, \"Minimum version support for virtual machine agents in Azure\")"),
                null)
        {
        }
    }
}
