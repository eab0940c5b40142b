namespace AzBackupTroubleshoot.Engine.RecoveryServices
{
    /// <summary>
    /// The Azure-AsyncOperation answer of a Recovery Services operation (…/operationsStatus/{id}): InProgress, Succeeded,
    /// Failed or Canceled; a backup or restore it started names its job in properties.jobId.
    /// </summary>
    internal sealed class BackupOperationStatus
    {
        public string? Status { get; set; }

        public BackupOperationError? Error { get; set; }

        public BackupOperationJobInfo? Properties { get; set; }
    }
}
