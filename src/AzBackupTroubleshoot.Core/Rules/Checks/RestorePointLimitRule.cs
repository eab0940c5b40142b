using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>RestorePoint.Limit (B4): a VM's restore point collection holds at most 18 instant restore points.</summary>
    public sealed class RestorePointLimitRule : ReadinessRule
    {
        public const string RuleId = "RestorePoint.Limit";

        /// <summary>Instant restore points one VM's collection can hold.</summary>
        public const int Limit = 18;

        /// <summary>From here on, two more backups without cleanup fill the collection.</summary>
        public const int WarnFrom = Limit - 2;

        public RestorePointLimitRule()
            : base(
                RuleId,
                new LocalizedText("The restore point collection is below its limit of 18", "还原点集合未达到 18 个的上限", "還原點集合未達到 18 個的上限"),
                RuleSeverity.Error,
                ["B4"],
                EvidencePart.RestorePoints)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.RestorePointCollections, EvidencePart.RestorePoints, allCollections => Judge(evidence, allCollections));

        private static RuleOutcome Judge(VmEvidence evidence, IReadOnlyList<RestorePointCollectionEvidence> allCollections)
        {
            var collections = VmRestorePoints.Of(evidence.Vm, allCollections);
            if (collections.Count == 0)
            {
                return RuleOutcome.Pass(
                    "No restore point collection has this VM as its source yet.",
                    "目前还没有以该虚拟机为源的还原点集合。",
                    "目前還沒有以此虛擬機器為來源的還原點集合。");
            }

            var full = collections.Where(c => c.RestorePointCount >= Limit).ToList();
            if (full.Count > 0)
            {
                return RuleOutcome.Fail(EvidenceText.Sentence(full.Select(Describe)).Append(new LocalizedText(
                    $" {Limit} is the limit per VM collection.",
                    $"每个虚拟机的集合上限为 {Limit} 个。",
                    $"每部虛擬機器的集合上限為 {Limit} 個。")));
            }

            var nearlyFull = collections.Where(c => c.RestorePointCount >= WarnFrom).ToList();
            if (nearlyFull.Count > 0)
            {
                return RuleOutcome.Warning(EvidenceText.Sentence(nearlyFull.Select(Describe)).Append(new LocalizedText(
                    $" That is close to the limit of {Limit} per VM collection.",
                    $"这已接近每个虚拟机集合 {Limit} 个的上限。",
                    $"這已接近每部虛擬機器集合 {Limit} 個的上限。")));
            }

            var uncounted = collections.Where(c => c.RestorePointCount == null).ToList();
            if (uncounted.Count > 0)
            {
                return RuleOutcome.Unknown(EvidenceText.Sentence(uncounted.Select(c => new LocalizedText(
                    $"the restore points of collection '{c.Name}' in resource group {c.ResourceGroupName} were not counted",
                    $"未统计资源组 {c.ResourceGroupName} 中集合“{c.Name}”的还原点",
                    $"未計算資源群組 {c.ResourceGroupName} 中集合「{c.Name}」的還原點"))));
            }

            return RuleOutcome.Pass(EvidenceText.Sentence(collections.Select(Describe)).Append(new LocalizedText(
                $" The limit is {Limit}.",
                $"上限为 {Limit} 个。",
                $"上限為 {Limit} 個。")));
        }

        // Only collections whose restore points were counted get here.
        private static LocalizedText Describe(RestorePointCollectionEvidence c)
        {
            var count = c.RestorePointCount.GetValueOrDefault();
            return new LocalizedText(
                $"restore point collection '{c.Name}' in resource group {c.ResourceGroupName} holds {EvidenceText.Count(count, "restore point")}",
                $"资源组 {c.ResourceGroupName} 中的还原点集合“{c.Name}”有 {count} 个还原点",
                $"資源群組 {c.ResourceGroupName} 中的還原點集合「{c.Name}」有 {count} 個還原點");
        }
    }
}
