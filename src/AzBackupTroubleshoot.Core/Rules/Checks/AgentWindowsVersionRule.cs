using System;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Agent.WindowsVersion (C12).</summary>
    internal sealed class AgentWindowsVersionRule : AgentVersionRule
    {
        /// <summary>The backup troubleshooting guide's minimum WaAppAgent.exe version (C12): below it backup fails.</summary>
        public static readonly Version BackupMinimum = new(2, 6, 1198, 718);

        /// <summary>
        /// The minimum Windows agent Azure supports for agents and extensions, from Microsoft's support article
        /// "Minimum version support for virtual machine agents in Azure" (KB 4049215).
        /// </summary>
        public static readonly Version SupportedMinimum = new(2, 7, 41491, 1010);

        public AgentWindowsVersionRule()
            : base(
                "Agent.WindowsVersion",
                new LocalizedText("The Windows VM agent is recent enough", "Windows 虚拟机代理版本足够新", "Windows 虛擬機器代理程式版本夠新"),
                ["C12"],
                "Windows",
                new AgentVersionThreshold(BackupMinimum, "the minimum Azure Backup needs (backup troubleshooting guide)"),
                new AgentVersionThreshold(SupportedMinimum, "the minimum Azure currently supports for agents and extensions (KB 4049215)"))
        {
        }
    }
}
