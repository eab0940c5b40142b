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
            var os = evidence.OsType;
            if (evidence.Image is not { } image)
            {
                // A custom image names no version: nothing to confirm or exclude, and no reason to hold the verdict.
                return RuleOutcome.NotApplicable($"OS type {os ?? "not reported"}; the VM has no marketplace image reference, so its OS version cannot be compared with the support matrix.");
            }

            var excluded = Excluded(image);
            return excluded == null
                ? RuleOutcome.Pass($"Image {image} (OS type {os ?? "not reported"}) is none of the operating systems the support matrix excludes (Windows before Windows Server 2008 R2, Core OS Linux).")
                : RuleOutcome.Fail($"Image {image} is {excluded}, which Azure VM backup does not support.");
        }

        private static string? Excluded(VmImageEvidence image)
        {
            if (Contains(image.Publisher, "coreos") || Contains(image.Offer, "coreos"))
            {
                return "Core OS Linux";
            }

            var windowsServer = EvidenceText.Is(image.Publisher, "MicrosoftWindowsServer");
            return windowsServer && image.Sku != null && image.Sku.StartsWith("2008", StringComparison.OrdinalIgnoreCase) && !Contains(image.Sku, "R2")
                ? "Windows Server 2008 (before R2)"
                : null;
        }

        private static bool Contains(string? value, string part) => value != null && value.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
