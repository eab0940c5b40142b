using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// What the guest agent checks share: the agent reports through the instance view only while the VM runs, so
    /// on a VM that is not running these checks are NotApplicable rather than failed.
    /// </summary>
    internal static class AgentReporting
    {
        /// <summary>The outcome for a VM whose agent cannot report now, or null when the VM runs.</summary>
        public static RuleOutcome? UnlessRunning(VmEvidence evidence)
        {
            var power = evidence.PowerState;
            if (power == null)
            {
                return RuleOutcome.Unknown(
                    "The instance view reports no power state, and the VM agent reports only while the VM runs.",
                    "实例视图未报告电源状态，而虚拟机代理只在虚拟机运行时才会报告。",
                    "執行個體檢視未回報電源狀態，而虛擬機器代理程式只在虛擬機器執行時才會回報。");
            }

            return EvidenceText.Is(power, "running")
                ? null
                : RuleOutcome.NotApplicable(
                    $"The VM is {power}; the VM agent reports only while the VM runs, so it cannot be judged now.",
                    $"虚拟机的电源状态为 {power}；虚拟机代理只在虚拟机运行时报告，因此现在无法判断。",
                    $"虛擬機器的電源狀態為 {power}；虛擬機器代理程式只在虛擬機器執行時回報，因此目前無法判斷。");
        }
    }
}
