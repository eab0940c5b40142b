using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Agent.Ready (B1, C1): an agent that is not Ready cannot run the backup extension.</summary>
    public sealed class AgentReadyRule : ReadinessRule
    {
        public const string RuleId = "Agent.Ready";

        public AgentReadyRule()
            : base(
                RuleId,
                new LocalizedText("The VM agent reports Ready", "虚拟机代理报告“就绪”", "虛擬機器代理程式回報「就緒」"),
                RuleSeverity.Error,
                ["B1", "C1"],
                EvidencePart.InstanceView)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) => AgentReporting.UnlessRunning(evidence) ?? JudgeRunning(evidence);

        private static RuleOutcome JudgeRunning(VmEvidence evidence)
        {
            var agent = evidence.Agent;
            if (agent == null)
            {
                return RuleOutcome.Fail("No VM agent reports: the running VM's instance view has no vmAgent section.");
            }

            var ready = agent.Statuses.FirstOrDefault(s => EvidenceText.Is(s.DisplayStatus, "Ready"));
            if (ready != null)
            {
                return RuleOutcome.Pass($"VM agent {agent.Version} reports Ready{Since(ready)}.");
            }

            var status = agent.Statuses.FirstOrDefault();
            if (status == null)
            {
                return RuleOutcome.Fail($"VM agent {agent.Version} reports no status.");
            }

            var message = string.IsNullOrWhiteSpace(status.Message) ? string.Empty : $" ({EvidenceText.Shorten(status.Message!)})";
            return RuleOutcome.Fail($"VM agent status is '{status.DisplayStatus ?? status.Code}'{message}{Since(status)}.");
        }

        private static string Since(StatusEvidence status) =>
            status.Time is { } time ? ", reported " + EvidenceText.Time(time) : string.Empty;
    }
}
