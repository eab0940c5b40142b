namespace AzBackupTroubleshoot.Engine.RecoveryServices
{
    /// <summary>error of a failed operation: the service's code and English message.</summary>
    internal sealed class BackupOperationError
    {
        public string? Code { get; set; }

        public string? Message { get; set; }
    }
}
