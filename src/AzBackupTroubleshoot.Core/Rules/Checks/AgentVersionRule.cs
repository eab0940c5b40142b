using System;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// A guest agent version check for one OS: below <c>failBelow</c> backup fails; below the optional
    /// <c>warnBelow</c> backup works but the agent is out of Azure's support. One instance per OS, thresholds as data.
    /// </summary>
    public sealed class AgentVersionRule : ReadinessRule
    {
        public const string WindowsId = "Agent.WindowsVersion";

        public const string LinuxId = "Agent.LinuxVersion";

        /// <summary>The backup troubleshooting guide's minimum WaAppAgent.exe version (C12): below it backup fails.</summary>
        public static readonly Version WindowsBackupMinimum = new(2, 6, 1198, 718);

        /// <summary>
        /// The minimum Windows agent Azure supports for agents and extensions, from Microsoft's support article
        /// "Minimum version support for virtual machine agents in Azure" (KB 4049215).
        /// </summary>
        public static readonly Version WindowsSupportedMinimum = new(2, 7, 41491, 1010);

        /// <summary>
        /// Microsoft's support article "Minimum version support for virtual machine agents in Azure" (KB 4049215,
        /// learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/support-extensions-agent-version): "To get
        /// support for Linux Agent and extensions in Azure, the Linux Agent version … must be later than or equal to
        /// version 2.2.53.1", in force since July 2022. The backup guides name no other number, and the backup
        /// snapshot runs as an extension, so an agent below it fails. The instance view reports the goal-state
        /// (auto-updated) agent version, which is the one this compares.
        /// </summary>
        public static readonly Version LinuxSupportedMinimum = new(2, 2, 53, 1);

        private readonly string _osType;
        private readonly AgentVersionThreshold _failBelow;
        private readonly AgentVersionThreshold? _warnBelow;

        private AgentVersionRule(
            string id,
            LocalizedText title,
            string[] guards,
            string osType,
            AgentVersionThreshold failBelow,
            AgentVersionThreshold? warnBelow)
            : base(id, title, RuleSeverity.Error, guards, EvidencePart.Vm, EvidencePart.InstanceView)
        {
            _osType = osType;
            _failBelow = failBelow;
            _warnBelow = warnBelow;
        }

        /// <summary>Agent.WindowsVersion (C12).</summary>
        public static AgentVersionRule ForWindows() => new(
            WindowsId,
            new LocalizedText("The Windows VM agent is recent enough", "Windows 虚拟机代理版本足够新", "Windows 虛擬機器代理程式版本夠新"),
            ["C12"],
            "Windows",
            new AgentVersionThreshold(
                WindowsBackupMinimum,
                new LocalizedText(
                    "the minimum Azure Backup needs (backup troubleshooting guide)",
                    "即 Azure 备份所需的最低版本（备份故障排除指南）",
                    "即 Azure 備份所需的最低版本（備份疑難排解指南）")),
            new AgentVersionThreshold(
                WindowsSupportedMinimum,
                new LocalizedText(
                    "the minimum Azure currently supports for agents and extensions (KB 4049215)",
                    "即 Azure 目前对代理和扩展支持的最低版本（KB 4049215）",
                    "即 Azure 目前對代理程式與延伸模組支援的最低版本（KB 4049215）")));

        /// <summary>Agent.LinuxVersion (C2): an outdated Linux agent is behind most agent and extension failures.</summary>
        public static AgentVersionRule ForLinux() => new(
            LinuxId,
            new LocalizedText("The Linux VM agent is recent enough", "Linux 虚拟机代理版本足够新", "Linux 虛擬機器代理程式版本夠新"),
            ["C2"],
            "Linux",
            new AgentVersionThreshold(
                LinuxSupportedMinimum,
                new LocalizedText(
                    "the minimum Azure supports for the Linux agent (WALinuxAgent) and extensions since July 2022 (KB 4049215, \"Minimum version support for virtual machine agents in Azure\")",
                    "即自 2022 年 7 月起 Azure 对 Linux 代理（WALinuxAgent）和扩展支持的最低版本（KB 4049215）",
                    "即自 2022 年 7 月起 Azure 對 Linux 代理程式（WALinuxAgent）與延伸模組支援的最低版本（KB 4049215）")),
            null);

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            OtherOs(evidence) ?? AgentReporting.UnlessRunning(evidence) ?? JudgeRunning(evidence);

        // Settled before the power state matters: a Linux VM is NotApplicable to the Windows check even when stopped.
        private RuleOutcome? OtherOs(VmEvidence evidence)
        {
            if (evidence.OsType == null)
            {
                return RuleOutcome.Unknown(
                    $"The VM model reports no OS type, so it is not known whether the {_osType} agent applies.",
                    $"虚拟机模型未报告操作系统类型，因此无法确定 {_osType} 代理是否适用。",
                    $"虛擬機器模型未回報作業系統類型，因此無法確定 {_osType} 代理程式是否適用。");
            }

            return EvidenceText.Is(evidence.OsType, _osType)
                ? null
                : RuleOutcome.NotApplicable(
                    $"The VM runs {evidence.OsType}; this check is for the {_osType} agent.",
                    $"该虚拟机运行 {evidence.OsType}；本检查针对的是 {_osType} 代理。",
                    $"此虛擬機器執行 {evidence.OsType}；本檢查針對的是 {_osType} 代理程式。");
        }

        private RuleOutcome JudgeRunning(VmEvidence evidence)
        {
            if (evidence.Agent == null)
            {
                return RuleOutcome.NotApplicable(
                    "No VM agent reports, so there is no version to judge (Agent.Installed covers this).",
                    "没有虚拟机代理在报告，因此没有可判断的版本（由 Agent.Installed 检查此问题）。",
                    "沒有虛擬機器代理程式在回報，因此沒有可判斷的版本（由 Agent.Installed 檢查此問題）。");
            }

            var reported = evidence.Agent.Version;

            if (!AgentVersion.TryParse(reported, out var version))
            {
                return RuleOutcome.Unknown(
                    $"The {_osType} VM agent reports version '{reported}', which is not a version number.",
                    $"{_osType} 虚拟机代理报告的版本“{reported}”不是版本号。",
                    $"{_osType} 虛擬機器代理程式回報的版本「{reported}」不是版本號碼。");
            }

            if (version < _failBelow.Minimum)
            {
                return RuleOutcome.Fail(
                    $"{_osType} VM agent version {reported} is older than {_failBelow.Minimum}, {_failBelow.RequiredBy.English}.",
                    $"{_osType} 虚拟机代理版本 {reported} 低于 {_failBelow.Minimum}，{_failBelow.RequiredBy.SimplifiedChinese}。",
                    $"{_osType} 虛擬機器代理程式版本 {reported} 低於 {_failBelow.Minimum}，{_failBelow.RequiredBy.TraditionalChinese}。");
            }

            if (_warnBelow != null && version < _warnBelow.Minimum)
            {
                return RuleOutcome.Warning(
                    $"{_osType} VM agent version {reported} is older than {_warnBelow.Minimum}, {_warnBelow.RequiredBy.English}; "
                    + $"it meets {_failBelow.Minimum}, {_failBelow.RequiredBy.English}.",
                    $"{_osType} 虚拟机代理版本 {reported} 低于 {_warnBelow.Minimum}，{_warnBelow.RequiredBy.SimplifiedChinese}；"
                    + $"但已达到 {_failBelow.Minimum}，{_failBelow.RequiredBy.SimplifiedChinese}。",
                    $"{_osType} 虛擬機器代理程式版本 {reported} 低於 {_warnBelow.Minimum}，{_warnBelow.RequiredBy.TraditionalChinese}；"
                    + $"但已達到 {_failBelow.Minimum}，{_failBelow.RequiredBy.TraditionalChinese}。");
            }

            var highest = _warnBelow ?? _failBelow;
            return RuleOutcome.Pass(
                $"{_osType} VM agent version {reported} is at least {highest.Minimum}, {highest.RequiredBy.English}.",
                $"{_osType} 虚拟机代理版本 {reported} 不低于 {highest.Minimum}，{highest.RequiredBy.SimplifiedChinese}。",
                $"{_osType} 虛擬機器代理程式版本 {reported} 不低於 {highest.Minimum}，{highest.RequiredBy.TraditionalChinese}。");
        }
    }
}
