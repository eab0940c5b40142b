using System;

namespace AzBackupTroubleshoot.Engine.Diagnosis
{
    /// <summary>Which jobs count: the service filters by status, operation, time window and job id before anything is sent back.</summary>
    public sealed class FailedJobQuery
    {
        /// <summary>How far back jobs are read when <see cref="Since"/> is not given.</summary>
        public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);

        /// <summary>Jobs that started at or after this time; default <see cref="DefaultWindow"/> ago.</summary>
        public DateTimeOffset? Since { get; set; }

        /// <summary>Jobs that started at or before this time; default now.</summary>
        public DateTimeOffset? Until { get; set; }

        /// <summary>Backup, Restore, ConfigureBackup …; null for every operation.</summary>
        public string? Operation { get; set; }

        /// <summary>One job by its name (a GUID), whatever its status or age.</summary>
        public string? JobId { get; set; }

        /// <summary>Also jobs that completed with warnings (they carry error details too).</summary>
        public bool IncludeWarnings { get; set; } = true;
    }
}
