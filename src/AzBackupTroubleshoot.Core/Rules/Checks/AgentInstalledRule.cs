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
                    + (flagOff ? ", and the VM model says provisionVMAgent false." : "."),
                    "正在运行的虚拟机的实例视图中没有 vmAgent 部分：来宾系统中没有虚拟机代理在报告"
                    + (flagOff ? "，并且虚拟机模型中 provisionVMAgent 为 false。" : "。"),
                    "執行中虛擬機器的執行個體檢視沒有 vmAgent 區段：客體中沒有虛擬機器代理程式在回報"
                    + (flagOff ? "，而且虛擬機器模型中 provisionVMAgent 為 false。" : "。"));
            }

            var version = evidence.Agent.Version;
            if (flagOff)
            {
                return RuleOutcome.Fail(
                    $"The VM model says provisionVMAgent false, although the instance view has a vmAgent section (version '{version}').",
                    $"虚拟机模型中 provisionVMAgent 为 false，但实例视图中有 vmAgent 部分（版本“{version}”）。",
                    $"虛擬機器模型中 provisionVMAgent 為 false，但執行個體檢視中有 vmAgent 區段（版本「{version}」）。");
            }

            // Azure fills the section with version "Unknown" when no agent answers: not installed, or installed but hung.
            if (!AgentVersion.TryParse(version, out _))
            {
                return RuleOutcome.Unknown(
                    $"The instance view's vmAgent section has no agent version ('{version}'): the agent is either not installed or not responding.",
                    $"实例视图的 vmAgent 部分没有代理版本（“{version}”）：代理要么未安装，要么没有响应。",
                    $"執行個體檢視的 vmAgent 區段沒有代理程式版本（「{version}」）：代理程式不是未安裝，就是沒有回應。");
            }

            return RuleOutcome.Pass(
                $"VM agent {version} reports from the guest.",
                $"虚拟机代理 {version} 正在从来宾系统报告。",
                $"虛擬機器代理程式 {version} 正從客體回報。");
        }
    }
}
