using System.Collections.Generic;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>Azure Disk Encryption state and what the Key Vault grants the Backup Management Service.</summary>
    public sealed record EncryptionEvidence
    {
        public bool IsEncrypted { get; init; }

        /// <summary>Key Vault resource ids the disk encryption keys and secrets live in.</summary>
        public IReadOnlyList<string> KeyVaultIds { get; init; } = [];

        /// <summary>True when BEK and KEK are both used; false for BEK only.</summary>
        public bool? UsesKeyEncryptionKey { get; init; }

        /// <summary>Whether every Key Vault lets the Backup Management Service read keys and secrets; null when unknown.</summary>
        public bool? BackupServiceHasKeyVaultAccess { get; init; }

        /// <summary>What decided <see cref="BackupServiceHasKeyVaultAccess"/>, e.g. "access policy for … grants get,list on keys".</summary>
        public LocalizedText? KeyVaultAccessDetail { get; init; }
    }
}
