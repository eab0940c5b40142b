using System.Collections.Generic;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>What a managed disk's own GET adds to the VM model: size, Azure Disk Encryption settings, SKU.</summary>
    internal sealed record ManagedDiskDetails(int? SizeGb, bool AdeEncrypted, IReadOnlyList<string> KeyVaultIds, bool UsesKeyEncryptionKey, string? Sku);
}
