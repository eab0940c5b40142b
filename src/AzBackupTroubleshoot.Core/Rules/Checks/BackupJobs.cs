using System;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>What the job rules need to know about a Recovery Services job.</summary>
    internal static class BackupJobs
    {
        public static bool IsBackup(JobEvidence job) => EvidenceText.Is(job.Operation, "Backup");

        /// <summary>Restore and CrossRegionRestore.</summary>
        public static bool IsRestore(JobEvidence job) =>
            job.Operation != null && job.Operation.EndsWith("Restore", StringComparison.OrdinalIgnoreCase);

        /// <summary>A job that is cancelling still holds the VM.</summary>
        public static bool IsRunning(JobEvidence job) =>
            EvidenceText.Is(job.Status, "InProgress") || EvidenceText.Is(job.Status, "Cancelling");

        /// <summary>The service's own duration, else start to end, else (still running) start to when the evidence was read.</summary>
        public static TimeSpan? Duration(JobEvidence job, DateTimeOffset collectedAt)
        {
            if (job.Duration != null)
            {
                return job.Duration;
            }

            var end = job.EndTime ?? (IsRunning(job) ? collectedAt : (DateTimeOffset?)null);
            return job.StartTime != null && end != null ? end - job.StartTime : null;
        }
    }
}
