namespace AzBackupTroubleshoot.Engine.RecoveryServices
{
    /// <summary>A Recovery Services vault: only what is needed to find its jobs and protected items.</summary>
    public sealed class RecoveryServicesVault
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Location { get; set; }
    }
}
