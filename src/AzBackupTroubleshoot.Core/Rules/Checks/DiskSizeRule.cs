using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// Disk.SizeSupported (B9): Azure Backup fails on a disk "greater than 32 TB" and on an encrypted disk "greater
    /// than 4 TB". The docs' TB are Azure disk tiers in GiB: the 32 TB tier (P80/E80/S80) is 32,767 GiB, the
    /// largest disk Azure makes, and the 4 TB tier (P50/E50/S50) is 4,096 GiB; so those sizes pass and one GiB
    /// more fails.
    /// </summary>
    public sealed class DiskSizeRule : ReadinessRule
    {
        public const string RuleId = "Disk.SizeSupported";

        /// <summary>The largest disk Azure Backup supports: the 32 TB tier, 32,767 GiB.</summary>
        public const int MaxDiskGib = 32_767;

        /// <summary>The largest Azure Disk Encryption disk Azure Backup supports: the 4 TB tier, 4,096 GiB.</summary>
        public const int MaxEncryptedDiskGib = 4_096;

        public DiskSizeRule()
            : base(
                RuleId,
                new LocalizedText("Disk sizes are within Azure Backup's limits", "磁盘大小在 Azure 备份的限制之内", "磁碟大小在 Azure 備份的限制之內"),
                RuleSeverity.Error,
                ["B9"],
                EvidencePart.Disks)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.Disks, EvidencePart.Disks, disks => Judge(evidence, disks));

        private static RuleOutcome Judge(VmEvidence evidence, IReadOnlyList<DiskEvidence> disks)
        {
            if (disks.Count == 0)
            {
                return RuleOutcome.Unknown("The VM model lists no disks.", "虚拟机模型中没有列出任何磁盘。", "虛擬機器模型中沒有列出任何磁碟。");
            }

            var tooLarge = disks.Select(Excess).OfType<LocalizedText>().ToList();
            if (tooLarge.Count > 0)
            {
                return RuleOutcome.Fail(EvidenceText.Sentence(tooLarge));
            }

            var unsized = disks.Where(d => d.SizeGb == null).ToList();
            if (unsized.Count > 0)
            {
                var names = EvidenceText.List(unsized.Select(d => $"'{d.Name}'"));
                return RuleOutcome.Unknown(
                    $"The size of {string.Join(", ", unsized.Select(d => $"disk '{d.Name}'"))} is not reported.",
                    $"未报告磁盘 {names.SimplifiedChinese} 的大小。",
                    $"未回報磁碟 {names.TraditionalChinese} 的大小。");
            }

            var largest = disks.OrderByDescending(d => d.SizeGb).First();
            var max = EvidenceText.Number(MaxDiskGib);
            var maxEncrypted = EvidenceText.Number(MaxEncryptedDiskGib);
            var largestSize = EvidenceText.Number(largest.SizeGb!.Value);
            return RuleOutcome.Pass(
                $"{EvidenceText.Count(disks.Count, "disk")} within {max} GiB (encrypted disks within {maxEncrypted} GiB); "
                + $"the largest, '{largest.Name}', is {largestSize} GiB.",
                $"{disks.Count} 个磁盘均不超过 {max} GiB（加密磁盘不超过 {maxEncrypted} GiB）；最大的磁盘“{largest.Name}”为 {largestSize} GiB。",
                $"{disks.Count} 個磁碟皆不超過 {max} GiB（加密磁碟不超過 {maxEncrypted} GiB）；最大的磁碟「{largest.Name}」為 {largestSize} GiB。");
        }

        private static LocalizedText? Excess(DiskEvidence disk)
        {
            if (disk.SizeGb is not { } size)
            {
                return null;
            }

            if (size > MaxDiskGib)
            {
                return new LocalizedText(
                    $"disk '{disk.Name}' is {EvidenceText.Number(size)} GiB, above the {EvidenceText.Number(MaxDiskGib)} GiB (32 TB) Azure Backup supports",
                    $"磁盘“{disk.Name}”为 {EvidenceText.Number(size)} GiB，超过 Azure 备份支持的 {EvidenceText.Number(MaxDiskGib)} GiB（32 TB）",
                    $"磁碟「{disk.Name}」為 {EvidenceText.Number(size)} GiB，超過 Azure 備份支援的 {EvidenceText.Number(MaxDiskGib)} GiB（32 TB）");
            }

            return disk.AdeEncrypted && size > MaxEncryptedDiskGib
                ? new LocalizedText(
                    $"encrypted disk '{disk.Name}' is {EvidenceText.Number(size)} GiB, above the {EvidenceText.Number(MaxEncryptedDiskGib)} GiB (4 TB) Azure Backup supports for Azure Disk Encryption",
                    $"加密磁盘“{disk.Name}”为 {EvidenceText.Number(size)} GiB，超过 Azure 备份对 Azure 磁盘加密所支持的 {EvidenceText.Number(MaxEncryptedDiskGib)} GiB（4 TB）",
                    $"加密磁碟「{disk.Name}」為 {EvidenceText.Number(size)} GiB，超過 Azure 備份對 Azure 磁碟加密所支援的 {EvidenceText.Number(MaxEncryptedDiskGib)} GiB（4 TB）")
                : null;
        }
    }
}
