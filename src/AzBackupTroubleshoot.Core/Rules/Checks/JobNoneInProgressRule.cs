using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// Job.NoneInProgress (B10): a backup started while another runs fails with UserErrorBackupOperationInProgress.
    /// A running job in the vault that protects the VM now ends by itself (Warning); one left in another vault,
    /// after the VM was protected again elsewhere, keeps blocking until it is cancelled (Fail).
    /// </summary>
    public sealed class JobNoneInProgressRule : ReadinessRule
    {
        public const string RuleId = "Job.NoneInProgress";

        public JobNoneInProgressRule()
            : base(
                RuleId,
                new LocalizedText("No backup job is in progress", "没有正在进行的备份作业", "沒有進行中的備份作業"),
                RuleSeverity.Warning,
                ["B10"],
                EvidencePart.Jobs)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.RecentJobs, EvidencePart.Jobs, jobs => Judge(evidence, jobs));

        private static RuleOutcome Judge(VmEvidence evidence, IReadOnlyList<JobEvidence> jobs)
        {
            var running = jobs.Where(j => BackupJobs.IsBackup(j) && BackupJobs.IsRunning(j)).ToList();
            if (running.Count == 0)
            {
                return RuleOutcome.Pass($"No backup job is in progress for the VM ({EvidenceText.Count(jobs.Count, "recent job")} read).");
            }

            var currentVault = evidence.Protection?.VaultId;
            var elsewhere = running
                .Where(j => currentVault != null && j.VaultId != null && !string.Equals(j.VaultId, currentVault, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (elsewhere.Count > 0)
            {
                return RuleOutcome.Fail(
                    EvidenceText.Sentence(elsewhere.Select(Describe))
                    + $" The VM is protected by vault {currentVault} now; the old job blocks its backups until it ends or is cancelled.");
            }

            return RuleOutcome.Warning(
                EvidenceText.Sentence(running.Select(Describe))
                + " A backup started before it ends fails with UserErrorBackupOperationInProgress.");
        }

        private static string Describe(JobEvidence job) =>
            $"backup job {job.JobId} is {job.Status}"
            + (job.StartTime is { } start ? " since " + EvidenceText.Time(start) : string.Empty)
            + (job.VaultId == null ? string.Empty : " in vault " + job.VaultId);
    }
}
