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
                return protection.ProtectionStatus is { } status
                    ? RuleOutcome.NotApplicable(
                        $"The VM is not protected yet (backup status {status}).",
                        $"该虚拟机尚未受保护（备份状态为 {status}）。",
                        $"此虛擬機器尚未受保護（備份狀態為 {status}）。")
                    : RuleOutcome.NotApplicable(
                        "The VM is not protected yet (backup status not reported).",
                        "该虚拟机尚未受保护（未报告备份状态）。",
                        "此虛擬機器尚未受保護（未回報備份狀態）。");
            }

            var item = protection.ProtectedItemId ?? "The protected item";
            var itemHans = protection.ProtectedItemId == null ? "该受保护项" : "受保护项 " + protection.ProtectedItemId + " ";
            var itemHant = protection.ProtectedItemId == null ? "此受保護項目" : "受保護項目 " + protection.ProtectedItemId + " ";
            var state = protection.ProtectionState;
            if (state == null)
            {
                return RuleOutcome.Unknown(
                    $"Protected item {item} reports no protection state.",
                    $"{itemHans}未报告保护状态。",
                    $"{itemHant}未回報保護狀態。");
            }

            // BackupsSuspended is the newer service's name for protection stopped with data retained.
            if (EvidenceText.Is(state, "ProtectionStopped") || EvidenceText.Is(state, "ProtectionPaused") || EvidenceText.Is(state, "BackupsSuspended"))
            {
                return RuleOutcome.Fail(
                    $"Protected item {item} is in protection state {state}: the VM is not actively protected.",
                    $"{itemHans}的保护状态为 {state}：该虚拟机未处于有效保护之下。",
                    $"{itemHant}的保護狀態為 {state}：此虛擬機器未處於有效保護之下。");
            }

            return RuleOutcome.Pass(
                $"Protected item {item} is in protection state {state}.",
                $"{itemHans}的保护状态为 {state}。",
                $"{itemHant}的保護狀態為 {state}。");
        }
    }
}
