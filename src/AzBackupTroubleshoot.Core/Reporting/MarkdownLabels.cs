using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Reporting
{
    /// <summary>The fixed words of the Markdown report, in the report's culture (the results' titles and remedies already are).</summary>
    internal static class MarkdownLabels
    {
        public static readonly LocalizedText Heading = new("Azure VM backup readiness", "Azure 虚拟机备份就绪检查", "Azure 虛擬機器備份就緒檢查");
        public static readonly LocalizedText Vm = new("VM", "虚拟机", "虛擬機器");
        public static readonly LocalizedText ResourceGroup = new("Resource group", "资源组", "資源群組");
        public static readonly LocalizedText Verdict = new("Verdict", "结论", "結論");
        public static readonly LocalizedText Passed = new("Passed", "通过", "通過");
        public static readonly LocalizedText Warnings = new("Warnings", "警告", "警告");
        public static readonly LocalizedText Failed = new("Failed", "失败", "失敗");
        public static readonly LocalizedText Unknown = new("Unknown", "未知", "未知");
        public static readonly LocalizedText NotApplicable = new("Not applicable", "不适用", "不適用");
        public static readonly LocalizedText Failures = new("Failures", "失败项", "失敗項目");
        public static readonly LocalizedText Unchecked = new("Could not be checked", "无法检查", "無法檢查");
        public static readonly LocalizedText Remedy = new("Remedy", "解决方法", "解決方法");
        public static readonly LocalizedText Command = new("Command", "命令", "命令");
        public static readonly LocalizedText KnowledgeBase = new("Knowledge base", "知识库", "知識庫");
        public static readonly LocalizedText AllPassed = new("Every check passed or did not apply.", "所有检查均已通过或不适用。", "所有檢查皆已通過或不適用。");
        public static readonly LocalizedText NoResults = new("No results.", "没有结果。", "沒有結果。");

        public static readonly LocalizedText Ready = new("Ready", "就绪", "就緒");
        public static readonly LocalizedText ReadyWithWarnings = new("Ready with warnings", "就绪（有警告）", "就緒（有警告）");
        public static readonly LocalizedText NotReady = new("Not ready", "未就绪", "未就緒");

        /// <summary>A verdict with a sign that reads at a glance in a long table.</summary>
        public static string Of(ReadinessVerdict verdict, SupportedCulture culture) => verdict switch
        {
            ReadinessVerdict.Ready => "✅ " + Ready.Get(culture),
            ReadinessVerdict.ReadyWithWarnings => "⚠️ " + ReadyWithWarnings.Get(culture),
            ReadinessVerdict.NotReady => "❌ " + NotReady.Get(culture),
            _ => "❔ " + Unknown.Get(culture),
        };
    }
}
