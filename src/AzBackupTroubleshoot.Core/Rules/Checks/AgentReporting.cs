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
                return RuleOutcome.Unknown("The instance view reports no power state, and the VM agent reports only while the VM runs.");
            }

            return EvidenceText.Is(power, "running")
                ? null
                : RuleOutcome.NotApplicable($"The VM is {power}; the VM agent reports only while the VM runs, so it cannot be judged now.");
        }
    }
}
