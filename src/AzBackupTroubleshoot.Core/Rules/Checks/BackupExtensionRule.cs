using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Extension.BackupHealthy (A9): a VMSnapshot extension stuck deleting or failed blocks every backup.</summary>
    public sealed class BackupExtensionRule : ReadinessRule
    {
        public const string RuleId = "Extension.BackupHealthy";

        public BackupExtensionRule()
            : base(
                RuleId,
                new LocalizedText(
                    "The backup extension is not failed or stuck deleting",
                    "备份扩展未失败，也未卡在删除状态",
                    "備份延伸模組未失敗，也未卡在刪除狀態"),
                RuleSeverity.Error,
                ["A9"],
                EvidencePart.Extensions)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.Extensions, EvidencePart.Extensions, extensions => Judge(evidence, extensions));

        private static RuleOutcome Judge(VmEvidence evidence, IReadOnlyList<ExtensionEvidence> extensions)
        {
            var backup = extensions.Where(e => e.IsBackupExtension).ToList();
            if (backup.Count == 0)
            {
                return RuleOutcome.Pass(
                    "The backup extension (VMSnapshot / VMSnapshotLinux) is not installed yet; the first backup installs it.",
                    "备份扩展（VMSnapshot / VMSnapshotLinux）尚未安装；第一次备份时会自动安装。",
                    "備份延伸模組（VMSnapshot / VMSnapshotLinux）尚未安裝；第一次備份時會自動安裝。");
            }

            var broken = backup
                .Where(e => EvidenceText.Is(e.ProvisioningState, "Deleting") || EvidenceText.Is(e.ProvisioningState, "Failed"))
                .ToList();
            return broken.Count > 0
                ? RuleOutcome.Fail(EvidenceText.Sentence(broken.Select(State)))
                : RuleOutcome.Pass(EvidenceText.Sentence(backup.Select(State)));
        }

        private static LocalizedText State(ExtensionEvidence e) => new(
            $"{e.Type} extension '{e.Name}' is in provisioning state {e.ProvisioningState ?? "unknown"}",
            $"{e.Type} 扩展“{e.Name}”的预配状态为 {e.ProvisioningState ?? "未知"}",
            $"{e.Type} 延伸模組「{e.Name}」的佈建狀態為 {e.ProvisioningState ?? "未知"}");
    }
}
