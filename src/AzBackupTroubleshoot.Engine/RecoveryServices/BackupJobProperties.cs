using System;
using System.Collections.Generic;

namespace AzBackupTroubleshoot.Engine.RecoveryServices
{
    /// <summary>properties of a backup job (AzureIaaSVMJob and its kin).</summary>
    public sealed class BackupJobProperties
    {
        public string? EntityFriendlyName { get; set; }

        public string? BackupManagementType { get; set; }

        public string? Operation { get; set; }

        public string? Status { get; set; }

        public DateTimeOffset? StartTime { get; set; }

        public DateTimeOffset? EndTime { get; set; }

        /// <summary>ISO 8601 duration, e.g. PT12.4272909S.</summary>
        public string? Duration { get; set; }

        public string? ContainerName { get; set; }

        public List<BackupJobErrorInfo>? ErrorDetails { get; set; }
    }
}
