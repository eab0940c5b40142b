namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>What Recovery Services says about the VM's protection.</summary>
    public sealed record ProtectionEvidence
    {
        /// <summary>Backup status API: NotProtected, Protecting, Protected or ProtectionFailed.</summary>
        public string? ProtectionStatus { get; init; }

        public string? VaultId { get; init; }

        /// <summary>Textual code from the backup status API when protection failed.</summary>
        public string? ErrorCode { get; init; }

        public string? ErrorMessage { get; init; }

        public string? ProtectedItemId { get; init; }

        /// <summary>Protected item: Protected, ProtectionStopped, ProtectionPaused, IRPending, ProtectionError …</summary>
        public string? ProtectionState { get; init; }

        public string? HealthStatus { get; init; }

        public string? LastBackupStatus { get; init; }
    }
}
