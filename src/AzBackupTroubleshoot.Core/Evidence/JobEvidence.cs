using System;
using System.Collections.Generic;

namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>A Recovery Services job, as read from the service or from an export.</summary>
    public sealed record JobEvidence
    {
        public required string JobId { get; init; }

        /// <summary>Backup, Restore, ConfigureBackup, DisableBackup, DeleteBackupData …</summary>
        public string? Operation { get; init; }

        /// <summary>InProgress, Completed, Failed, CompletedWithWarnings, Cancelled, Cancelling.</summary>
        public string? Status { get; init; }

        /// <summary>The VM (or other workload) the job is for, as the service names it.</summary>
        public string? WorkloadName { get; init; }

        public string? BackupManagementType { get; init; }

        public string? VaultId { get; init; }

        /// <summary>The VM's resource id when the job's details carry it.</summary>
        public string? VmId { get; init; }

        public DateTimeOffset? StartTime { get; init; }

        public DateTimeOffset? EndTime { get; init; }

        public TimeSpan? Duration { get; init; }

        public IReadOnlyList<JobError> Errors { get; init; } = [];
    }
}
