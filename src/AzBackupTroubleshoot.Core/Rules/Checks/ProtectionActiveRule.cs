using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Protection.Active (B12): a protected item whose protection is stopped or paused takes no backups.</summary>
    public sealed class ProtectionActiveRule : ReadinessRule
    {
        public const string RuleId = "Protection.Active";

        public ProtectionActiveRule()
            : base(
                RuleId,
                new LocalizedText("Backup protection is active, not stopped or paused", "备份保护处于活动状态，未停止或暂停", "備份保護處於作用中，未停止或暫停"),
                RuleSeverity.Error,
                ["B12"],
                EvidencePart.Protection)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.Protection, EvidencePart.Protection, protection => Judge(evidence, protection));

        private static RuleOutcome Judge(VmEvidence evidence, ProtectionEvidence protection)
        {
            if (protection.ProtectedItemId == null && protection.ProtectionState == null)
            {
                return RuleOutcome.NotApplicable($"The VM is not protected yet (backup status {protection.ProtectionStatus ?? "not reported"}).");
            }

            var item = protection.ProtectedItemId ?? "The protected item";
            var state = protection.ProtectionState;
            if (state == null)
            {
                return RuleOutcome.Unknown($"Protected item {item} reports no protection state.");
            }

            // BackupsSuspended is the newer service's name for protection stopped with data retained.
            if (EvidenceText.Is(state, "ProtectionStopped") || EvidenceText.Is(state, "ProtectionPaused") || EvidenceText.Is(state, "BackupsSuspended"))
            {
                return RuleOutcome.Fail($"Protected item {item} is in protection state {state}: the VM is not actively protected.");
            }

            return RuleOutcome.Pass($"Protected item {item} is in protection state {state}.");
        }
    }
}
