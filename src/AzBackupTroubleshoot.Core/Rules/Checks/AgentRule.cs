using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// A check of the guest agent. The agent reports through the instance view only while the VM runs, so on a
    /// VM that is not running these checks are NotApplicable rather than failed.
    /// </summary>
    internal abstract class AgentRule : ReadinessRule
    {
        protected AgentRule(string id, LocalizedText title, string[] guards, params EvidencePart[] reads)
            : base(id, title, RuleSeverity.Error, guards, reads)
        {
        }

        protected sealed override RuleOutcome Judge(VmEvidence evidence)
        {
            var excluded = Excludes(evidence);
            if (excluded != null)
            {
                return excluded;
            }

            var power = evidence.PowerState;
            if (power == null)
            {
                return RuleOutcome.Unknown("The instance view reports no power state, and the VM agent reports only while the VM runs.");
            }

            if (!EvidenceText.Is(power, "running"))
            {
                return RuleOutcome.NotApplicable($"The VM is {power}; the VM agent reports only while the VM runs, so it cannot be judged now.");
            }

            return JudgeRunning(evidence);
        }

        /// <summary>An outcome that settles the check before the power state matters (e.g. the wrong OS), or null.</summary>
        protected virtual RuleOutcome? Excludes(VmEvidence evidence) => null;

        protected abstract RuleOutcome JudgeRunning(VmEvidence evidence);
    }
}
