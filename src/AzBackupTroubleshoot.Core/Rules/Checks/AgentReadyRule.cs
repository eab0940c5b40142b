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
                return RuleOutcome.Fail(
                    "No VM agent reports: the running VM's instance view has no vmAgent section.",
                    "没有虚拟机代理在报告：正在运行的虚拟机的实例视图中没有 vmAgent 部分。",
                    "沒有虛擬機器代理程式在回報：執行中虛擬機器的執行個體檢視沒有 vmAgent 區段。");
            }

            var ready = agent.Statuses.FirstOrDefault(s => EvidenceText.Is(s.DisplayStatus, "Ready"));
            if (ready != null)
            {
                var since = Since(ready);
                return RuleOutcome.Pass(
                    $"VM agent {agent.Version} reports Ready{since.English}.",
                    $"虚拟机代理 {agent.Version} 报告 Ready{since.SimplifiedChinese}。",
                    $"虛擬機器代理程式 {agent.Version} 回報 Ready{since.TraditionalChinese}。");
            }

            var status = agent.Statuses.FirstOrDefault();
            if (status == null)
            {
                return RuleOutcome.Fail(
                    $"VM agent {agent.Version} reports no status.",
                    $"虚拟机代理 {agent.Version} 未报告任何状态。",
                    $"虛擬機器代理程式 {agent.Version} 未回報任何狀態。");
            }

            var message = string.IsNullOrWhiteSpace(status.Message) ? string.Empty : $" ({EvidenceText.Shorten(status.Message!)})";
            var shown = status.DisplayStatus ?? status.Code;
            var reported = Since(status);
            return RuleOutcome.Fail(
                $"VM agent status is '{shown}'{message}{reported.English}.",
                $"虚拟机代理状态为“{shown}”{message}{reported.SimplifiedChinese}。",
                $"虛擬機器代理程式狀態為「{shown}」{message}{reported.TraditionalChinese}。");
        }

        private static LocalizedText Since(StatusEvidence status) =>
            status.Time is { } time
                ? new LocalizedText(", reported " + EvidenceText.Time(time), "，报告时间 " + EvidenceText.Time(time), "，回報時間 " + EvidenceText.Time(time))
                : LocalizedText.Verbatim(string.Empty);
    }
}
