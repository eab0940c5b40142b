using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Job.Duration (C17): the backup guidance treats a backup over 12 hours or a restore over 6 hours as too slow.</summary>
    public sealed class JobDurationRule : ReadinessRule
    {
        public const string RuleId = "Job.Duration";

        public static readonly TimeSpan LongestBackup = TimeSpan.FromHours(12);

        public static readonly TimeSpan LongestRestore = TimeSpan.FromHours(6);

        public JobDurationRule()
            : base(
                RuleId,
                new LocalizedText("No backup or restore job runs unusually long", "没有运行时间异常长的备份或还原作业", "沒有執行時間異常長的備份或還原作業"),
                RuleSeverity.Warning,
                ["C17"],
                EvidencePart.Jobs)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.RecentJobs, EvidencePart.Jobs, jobs => Judge(evidence, jobs));

        private static RuleOutcome Judge(VmEvidence evidence, IReadOnlyList<JobEvidence> jobs)
        {
            var slow = new List<string>();
            foreach (var job in jobs)
            {
                var limit = BackupJobs.IsBackup(job) ? LongestBackup : BackupJobs.IsRestore(job) ? LongestRestore : (TimeSpan?)null;
                var duration = BackupJobs.Duration(job, evidence.CollectedAt);
                if (limit != null && duration > limit)
                {
                    var state = BackupJobs.IsRunning(job) ? "has been running for" : "ran for";
                    slow.Add($"{job.Operation} job {job.JobId} {state} {EvidenceText.Hours(duration.Value)}, over the {EvidenceText.Hours(limit.Value)} guidance");
                }
            }

            return slow.Count > 0
                ? RuleOutcome.Warning(EvidenceText.Sentence(slow))
                : RuleOutcome.Pass($"No backup job over {EvidenceText.Hours(LongestBackup)} and no restore job over {EvidenceText.Hours(LongestRestore)} among {EvidenceText.Count(jobs.Count, "recent job")}.");
        }
    }
}
