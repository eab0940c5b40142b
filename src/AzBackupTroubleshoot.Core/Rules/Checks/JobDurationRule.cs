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
            var slow = new List<LocalizedText>();
            foreach (var job in jobs)
            {
                var limit = BackupJobs.IsBackup(job) ? LongestBackup : BackupJobs.IsRestore(job) ? LongestRestore : (TimeSpan?)null;
                var duration = BackupJobs.Duration(job, evidence.CollectedAt);
                if (limit != null && duration > limit)
                {
                    var hours = EvidenceText.Hours(duration.Value);
                    var guidance = EvidenceText.Hours(limit.Value);
                    slow.Add(BackupJobs.IsRunning(job)
                        ? new LocalizedText(
                            $"{job.Operation} job {job.JobId} has been running for {hours}, over the {guidance} guidance",
                            $"{job.Operation} 作业 {job.JobId} 已运行 {hours}，超过 {guidance} 的参考时长",
                            $"{job.Operation} 作業 {job.JobId} 已執行 {hours}，超過 {guidance} 的參考時間")
                        : new LocalizedText(
                            $"{job.Operation} job {job.JobId} ran for {hours}, over the {guidance} guidance",
                            $"{job.Operation} 作业 {job.JobId} 运行了 {hours}，超过 {guidance} 的参考时长",
                            $"{job.Operation} 作業 {job.JobId} 執行了 {hours}，超過 {guidance} 的參考時間"));
                }
            }

            return slow.Count > 0
                ? RuleOutcome.Warning(EvidenceText.Sentence(slow))
                : RuleOutcome.Pass(
                    $"No backup job over {EvidenceText.Hours(LongestBackup)} and no restore job over {EvidenceText.Hours(LongestRestore)} among {EvidenceText.Count(jobs.Count, "recent job")}.",
                    $"在最近的 {jobs.Count} 个作业中，没有超过 {EvidenceText.Hours(LongestBackup)} 的备份作业，也没有超过 {EvidenceText.Hours(LongestRestore)} 的还原作业。",
                    $"在最近的 {jobs.Count} 個作業中，沒有超過 {EvidenceText.Hours(LongestBackup)} 的備份作業，也沒有超過 {EvidenceText.Hours(LongestRestore)} 的還原作業。");
        }
    }
}
