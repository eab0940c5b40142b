namespace AzBackupTroubleshoot.Engine.KeyVault
{
    /// <summary>One access policy entry: a principal (object id) and what it may do.</summary>
    public sealed class KeyVaultAccessPolicy
    {
        public string? TenantId { get; set; }

        public string? ObjectId { get; set; }

        public string? ApplicationId { get; set; }

        public KeyVaultPermissions? Permissions { get; set; }
    }
}
