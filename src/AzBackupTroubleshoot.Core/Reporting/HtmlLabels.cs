using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Reporting
{
    /// <summary>The fixed words of the HTML reports that the Markdown report does not have (those come from <see cref="MarkdownLabels"/>).</summary>
    internal static class HtmlLabels
    {
        public static readonly LocalizedText VerdictsHeading = new("VMs by verdict", "按结论统计的虚拟机", "依結論統計的虛擬機器");
        public static readonly LocalizedText VerdictsChart = new("VMs by verdict", "各结论的虚拟机数量", "各結論的虛擬機器數量");
        public static readonly LocalizedText VmCount = new("VMs", "虚拟机数", "虛擬機器數");
        public static readonly LocalizedText MatrixHeading = new("Every rule on every VM", "每台虚拟机的每条规则", "每部虛擬機器的每條規則");
        public static readonly LocalizedText MatrixOrder = new(
            "Grouped by resource group; groups and VMs are ordered by verdict, worst first (not ready, unknown, ready with warnings, ready), then by name. Each cell shows a symbol as well as a colour.",
            "按资源组分组；资源组和虚拟机按结论从差到好排序（未就绪、未知、就绪（有警告）、就绪），再按名称排序。每个单元格都带有符号，不只靠颜色区分。",
            "依資源群組分組；資源群組與虛擬機器依結論由差到好排序（未就緒、未知、就緒（有警告）、就緒），再依名稱排序。每個儲存格都帶有符號，不只靠顏色區分。");
        public static readonly LocalizedText Legend = new("Legend", "图例", "圖例");
        public static readonly LocalizedText Symbol = new("Symbol", "符号", "符號");
        public static readonly LocalizedText Result = new("Result", "结果", "結果");
        public static readonly LocalizedText Warning = new("Warning", "警告", "警告");
        public static readonly LocalizedText NotChecked = new("Not checked", "未检查", "未檢查");
        public static readonly LocalizedText FrequentHeading = new("Most frequent failing rules", "最常失败的规则", "最常失敗的規則");
        public static readonly LocalizedText Rule = new("Rule", "规则", "規則");
        public static readonly LocalizedText Title = new("Title", "标题", "標題");
        public static readonly LocalizedText VmsFailing = new("VMs failing", "失败的虚拟机数", "失敗的虛擬機器數");
        public static readonly LocalizedText CommandForFirst = new("Command (for the first VM)", "命令（第一台虚拟机）", "命令（第一部虛擬機器）");
        public static readonly LocalizedText NoFailures = new("No rule failed on any VM.", "没有任何规则在任何虚拟机上失败。", "沒有任何規則在任何虛擬機器上失敗。");
        public static readonly LocalizedText DetailsHeading = new("Details per VM", "各虚拟机详情", "各虛擬機器詳情");
        public static readonly LocalizedText Evidence = new("Evidence", "证据", "證據");
        public static readonly LocalizedText EvidenceRead = new("Evidence read", "证据读取时间", "證據讀取時間");

        public static readonly LocalizedText DiagnosisHeading = new("Azure VM backup failure diagnosis", "Azure 虚拟机备份失败诊断", "Azure 虛擬機器備份失敗診斷");
        public static readonly LocalizedText ErrorsByFrequency = new("Errors by frequency", "按频率统计的错误", "依頻率統計的錯誤");
        public static readonly LocalizedText ErrorsByVm = new("Errors by VM", "按虚拟机统计的错误", "依虛擬機器統計的錯誤");
        public static readonly LocalizedText OverTime = new("Failures over time", "失败随时间的分布", "失敗隨時間的分佈");
        public static readonly LocalizedText PerDay = new("Failed jobs per day (UTC, by job start)", "每天失败的作业数（UTC，按作业开始时间）", "每天失敗的作業數（UTC，依作業開始時間）");
        public static readonly LocalizedText NoStartTimes = new("The failures carry no job start times.", "这些失败没有作业开始时间。", "這些失敗沒有作業開始時間。");
        public static readonly LocalizedText Error = new("Error", "错误", "錯誤");
        public static readonly LocalizedText Failures = new("Failures", "失败次数", "失敗次數");
        public static readonly LocalizedText Errors = new("Errors", "错误", "錯誤");
        public static readonly LocalizedText Status = new("Status", "状态", "狀態");
        public static readonly LocalizedText Meaning = new("Meaning", "含义", "含義");
        public static readonly LocalizedText Causes = new("Causes", "原因", "原因");
        public static readonly LocalizedText Remedies = new("Remedies", "解决方法", "解決方法");
        public static readonly LocalizedText FirstSeen = new("First seen", "首次出现", "首次出現");
        public static readonly LocalizedText LastSeen = new("Last seen", "最近出现", "最近出現");
        public static readonly LocalizedText ServiceMessage = new("Service message", "服务消息", "服務訊息");
        public static readonly LocalizedText Documentation = new("Documentation", "文档", "文件");
        public static readonly LocalizedText DiagnosisDetails = new("Details per failure", "各失败详情", "各失敗詳情");
        public static readonly LocalizedText NoWorkload = new("(no VM named)", "（未指明虚拟机）", "（未指明虛擬機器）");
        public static readonly LocalizedText Unrecognized = new("Unrecognized", "无法识别", "無法識別");
    }
}
