using System;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// VM.OsSupported (G15): the Azure VM backup support matrix backs up Windows from Windows Server 2008 R2 on, and the
    /// Linux distributions Azure endorses except Core OS Linux. Judged from the marketplace image when there is one,
    /// and not judged for a custom image, whose model names no version.
    /// </summary>
    public sealed class OsSupportedRule : ReadinessRule
    {
        public const string RuleId = "VM.OsSupported";

        public OsSupportedRule()
            : base(
                RuleId,
                new LocalizedText("The operating system is in the backup support matrix", "操作系统在备份支持矩阵中", "作業系統在備份支援矩陣中"),
                RuleSeverity.Error,
                ["G15"],
                EvidencePart.Vm)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence)
        {
            var os = EvidenceText.OrNotReported(evidence.OsType);
            if (evidence.Image is not { } image)
            {
                // A custom image names no version: nothing to confirm or exclude, and no reason to hold the verdict.
                return RuleOutcome.NotApplicable(
                    $"OS type {os.English}; the VM has no marketplace image reference, so its OS version cannot be compared with the support matrix.",
                    $"操作系统类型为 {os.SimplifiedChinese}；该虚拟机没有市场映像引用，因此无法将其操作系统版本与支持矩阵进行比较。",
                    $"作業系統類型為 {os.TraditionalChinese}；此虛擬機器沒有 Marketplace 映像參考，因此無法將其作業系統版本與支援矩陣比較。");
            }

            var excluded = Excluded(image);
            return excluded == null
                ? RuleOutcome.Pass(
                    $"Image {image} (OS type {os.English}) is none of the operating systems the support matrix excludes (Windows before Windows Server 2008 R2, Core OS Linux).",
                    $"映像 {image}（操作系统类型 {os.SimplifiedChinese}）不属于支持矩阵排除的操作系统（Windows Server 2008 R2 之前的 Windows、Core OS Linux）。",
                    $"映像 {image}（作業系統類型 {os.TraditionalChinese}）不屬於支援矩陣排除的作業系統（Windows Server 2008 R2 之前的 Windows、Core OS Linux）。")
                : RuleOutcome.Fail(
                    $"Image {image} is {excluded.English}, which Azure VM backup does not support.",
                    $"映像 {image} 是 {excluded.SimplifiedChinese}，Azure 虚拟机备份不支持该操作系统。",
                    $"映像 {image} 為 {excluded.TraditionalChinese}，Azure 虛擬機器備份不支援此作業系統。");
        }

        private static LocalizedText? Excluded(VmImageEvidence image)
        {
            if (Contains(image.Publisher, "coreos") || Contains(image.Offer, "coreos"))
            {
                return LocalizedText.Verbatim("Core OS Linux");
            }

            var windowsServer = EvidenceText.Is(image.Publisher, "MicrosoftWindowsServer");
            return windowsServer && image.Sku != null && image.Sku.StartsWith("2008", StringComparison.OrdinalIgnoreCase) && !Contains(image.Sku, "R2")
                ? new LocalizedText("Windows Server 2008 (before R2)", "Windows Server 2008（R2 之前的版本）", "Windows Server 2008（R2 之前的版本）")
                : null;
        }

        private static bool Contains(string? value, string part) => value != null && value.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
