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
                "Site Recovery extension",
                "Site Recovery and Azure Backup both take disk snapshots, so schedule them at different times; on Linux, set isanysnapshotfailed to False in /etc/azure/vmbackup.conf.");

        private static bool Contains(string? text) => text != null && text.IndexOf(Marker, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
