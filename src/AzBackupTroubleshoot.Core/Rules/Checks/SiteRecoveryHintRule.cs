using System;
using System.Collections.Generic;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// Hint.SiteRecovery (A10): Site Recovery and Azure Backup both snapshot the disks, and together they can reach
    /// the disk snapshot limit. Site Recovery's extensions (publisher Microsoft.Azure.RecoveryServices.SiteRecovery
    /// or …SiteRecovery2, type Windows / Linux) are recognised by "SiteRecovery" in publisher, type or name.
    /// </summary>
    public sealed class SiteRecoveryHintRule : ReadinessRule
    {
        public const string RuleId = "Hint.SiteRecovery";

        private const string Marker = "SiteRecovery";

        public SiteRecoveryHintRule()
            : base(
                RuleId,
                new LocalizedText("Site Recovery on the VM: snapshot scheduling to know", "虚拟机上有 Site Recovery：需注意快照计划", "虛擬機器上有 Site Recovery：需注意快照排程"),
                RuleSeverity.Information,
                ["A10"],
                EvidencePart.Extensions)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.Extensions, EvidencePart.Extensions, extensions => Judge(evidence, extensions));

        private static RuleOutcome Judge(VmEvidence evidence, IReadOnlyList<ExtensionEvidence> extensions) =>
            ExtensionHint.Judge(
                extensions,
                e => Contains(e.Publisher) || Contains(e.Type) || Contains(e.Name),
                new LocalizedText("Site Recovery extension", " Site Recovery 扩展", " Site Recovery 延伸模組"),
                new LocalizedText(
                    "Site Recovery and Azure Backup both take disk snapshots, so schedule them at different times; on Linux, set isanysnapshotfailed to False in /etc/azure/vmbackup.conf.",
                    "Site Recovery 和 Azure 备份都会创建磁盘快照，请将两者安排在不同时间；在 Linux 上，请在 /etc/azure/vmbackup.conf 中将 isanysnapshotfailed 设为 False。",
                    "Site Recovery 與 Azure 備份都會建立磁碟快照，請將兩者排定在不同時間；在 Linux 上，請在 /etc/azure/vmbackup.conf 中將 isanysnapshotfailed 設為 False。"));

        private static bool Contains(string? text) => text != null && text.IndexOf(Marker, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
