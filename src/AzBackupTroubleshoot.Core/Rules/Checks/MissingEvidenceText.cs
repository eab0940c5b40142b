using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>How rules name evidence they could not judge from.</summary>
    internal static class MissingEvidenceText
    {
        public static RuleOutcome? UnknownIfGap(VmEvidence evidence, IEnumerable<EvidencePart> parts)
        {
            var gap = evidence.Gaps.FirstOrDefault(g => parts.Contains(g.Part));
            if (gap == null)
            {
                return null;
            }

            // The reason is the service's own error message (or the collector's), quoted as it came.
            var status = gap.HttpStatus is { } code ? $" (HTTP {code})" : string.Empty;
            var part = Describe(gap.Part);
            return RuleOutcome.Unknown(
                $"Evidence about the {part.English} could not be read: {gap.Reason}{status}.",
                $"无法读取{part.SimplifiedChinese}的证据：{gap.Reason}{status}。",
                $"無法讀取{part.TraditionalChinese}的證據：{gap.Reason}{status}。");
        }

        /// <summary>A part that is null although no gap explains why: the collector did not read it.</summary>
        public static RuleOutcome NotCollected(EvidencePart part)
        {
            var name = Describe(part);
            return RuleOutcome.Unknown(
                $"Evidence about the {name.English} was not collected.",
                $"未收集{name.SimplifiedChinese}的证据。",
                $"未收集{name.TraditionalChinese}的證據。");
        }

        public static LocalizedText Describe(EvidencePart part) => part switch
        {
            EvidencePart.Vm => new("VM model", "虚拟机模型", "虛擬機器模型"),
            EvidencePart.InstanceView => new("instance view", "实例视图", "執行個體檢視"),
            EvidencePart.Extensions => new("VM extensions", "虚拟机扩展", "虛擬機器延伸模組"),
            EvidencePart.Disks => new("VM disks", "虚拟机磁盘", "虛擬機器磁碟"),
            EvidencePart.Encryption => new("disk encryption settings", "磁盘加密设置", "磁碟加密設定"),
            EvidencePart.RestorePoints => new("restore point collections", "还原点集合", "還原點集合"),
            EvidencePart.Locks => new("management locks", "管理锁", "管理鎖定"),
            EvidencePart.Protection => new("backup protection", "备份保护", "備份保護"),
            EvidencePart.Jobs => new("backup jobs", "备份作业", "備份作業"),
            EvidencePart.Policy => new("policy assignments", "策略分配", "原則指派"),
            EvidencePart.TargetVault => new("vault named to protect the VM", "指定用于保护此虚拟机的保管库", "指定用來保護此虛擬機器的保存庫"),
            EvidencePart.PreValidation => new("backup service's pre-validation of protection", "备份服务对保护的预验证", "備份服務對保護的預先驗證"),
            _ => LocalizedText.Verbatim(part.ToString()),
        };
    }
}
