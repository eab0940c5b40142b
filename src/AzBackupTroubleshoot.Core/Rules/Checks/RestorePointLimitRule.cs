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
                return RuleOutcome.Pass("No restore point collection has this VM as its source yet.");
            }

            var full = collections.Where(c => c.RestorePointCount >= Limit).ToList();
            if (full.Count > 0)
            {
                return RuleOutcome.Fail(EvidenceText.Sentence(full.Select(Describe)) + $" {Limit} is the limit per VM collection.");
            }

            var nearlyFull = collections.Where(c => c.RestorePointCount >= WarnFrom).ToList();
            if (nearlyFull.Count > 0)
            {
                return RuleOutcome.Warning(EvidenceText.Sentence(nearlyFull.Select(Describe)) + $" That is close to the limit of {Limit} per VM collection.");
            }

            var uncounted = collections.Where(c => c.RestorePointCount == null).ToList();
            if (uncounted.Count > 0)
            {
                return RuleOutcome.Unknown(EvidenceText.Sentence(uncounted.Select(c => $"the restore points of collection '{c.Name}' in resource group {c.ResourceGroupName} were not counted")));
            }

            return RuleOutcome.Pass(EvidenceText.Sentence(collections.Select(Describe)) + $" The limit is {Limit}.");
        }

        // Only collections whose restore points were counted get here.
        private static string Describe(RestorePointCollectionEvidence c) =>
            $"restore point collection '{c.Name}' in resource group {c.ResourceGroupName} holds {EvidenceText.Count(c.RestorePointCount.GetValueOrDefault(), "restore point")}";
    }
}
