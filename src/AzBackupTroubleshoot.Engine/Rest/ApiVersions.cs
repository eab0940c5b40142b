namespace AzBackupTroubleshoot.Engine.Rest
{
    /// <summary>The api-versions of the operations called without an SDK package.</summary>
    internal static class ApiVersions
    {
        /// <summary>Recovery Services vaults and backup (jobs, protected items, backup status).</summary>
        public const string RecoveryServices = "2025-08-01";

        public const string KeyVault = "2023-07-01";

        public const string PolicyDefinitions = "2023-04-01";

        /// <summary>Restore point collections, as the Compute SDK package in use reads them.</summary>
        public const string RestorePointCollections = "2023-07-01";
    }
}
