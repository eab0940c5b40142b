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
                return RuleOutcome.Unknown("The VM model lists no disks.");
            }

            var tooLarge = disks.Select(Excess).OfType<string>().ToList();
            if (tooLarge.Count > 0)
            {
                return RuleOutcome.Fail(EvidenceText.Sentence(tooLarge));
            }

            var unsized = disks.Where(d => d.SizeGb == null).ToList();
            if (unsized.Count > 0)
            {
                return RuleOutcome.Unknown($"The size of {Names(unsized)} is not reported.");
            }

            var largest = disks.OrderByDescending(d => d.SizeGb).First();
            return RuleOutcome.Pass(
                $"{EvidenceText.Count(disks.Count, "disk")} within {EvidenceText.Number(MaxDiskGib)} GiB (encrypted disks within {EvidenceText.Number(MaxEncryptedDiskGib)} GiB); "
                + $"the largest, '{largest.Name}', is {EvidenceText.Number(largest.SizeGb!.Value)} GiB.");
        }

        private static string? Excess(DiskEvidence disk)
        {
            if (disk.SizeGb is not { } size)
            {
                return null;
            }

            if (size > MaxDiskGib)
            {
                return $"disk '{disk.Name}' is {EvidenceText.Number(size)} GiB, above the {EvidenceText.Number(MaxDiskGib)} GiB (32 TB) Azure Backup supports";
            }

            return disk.AdeEncrypted && size > MaxEncryptedDiskGib
                ? $"encrypted disk '{disk.Name}' is {EvidenceText.Number(size)} GiB, above the {EvidenceText.Number(MaxEncryptedDiskGib)} GiB (4 TB) Azure Backup supports for Azure Disk Encryption"
                : null;
        }

        private static string Names(IEnumerable<DiskEvidence> disks) => string.Join(", ", disks.Select(d => $"disk '{d.Name}'"));
    }
}
