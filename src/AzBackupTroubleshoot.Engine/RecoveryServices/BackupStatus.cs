namespace AzBackupTroubleshoot.Engine.RecoveryServices
{
    /// <summary>The answer of POST …/locations/{region}/backupStatus for one VM.</summary>
    public sealed class BackupStatus
    {
        /// <summary>NotProtected, Protecting, Protected or ProtectionFailed.</summary>
        public string? ProtectionStatus { get; set; }

        public string? VaultId { get; set; }

        public string? ContainerName { get; set; }

        public string? ErrorCode { get; set; }

        public string? ErrorMessage { get; set; }
    }
}
