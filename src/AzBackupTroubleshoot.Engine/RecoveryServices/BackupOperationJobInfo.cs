namespace AzBackupTroubleshoot.Engine.RecoveryServices
{
    /// <summary>properties of a finished operation (OperationStatusJobExtendedInfo): the job it started.</summary>
    internal sealed class BackupOperationJobInfo
    {
        public string? JobId { get; set; }
    }
}
