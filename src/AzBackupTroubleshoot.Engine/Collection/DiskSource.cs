using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>Managed disk GETs, all at once, for the disks whose size or encryption the VM model does not tell.</summary>
    internal sealed class DiskSource(ArmClient arm)
    {
        public async Task<IReadOnlyDictionary<string, ManagedDiskDetails>> GetAsync(IEnumerable<string> diskIds, CancellationToken cancellationToken)
        {
            var ids = diskIds.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var disks = await Task.WhenAll(ids.Select(async id =>
                (await arm.GetManagedDiskResource(new ResourceIdentifier(id)).GetAsync(cancellationToken).ConfigureAwait(false)).Value.Data)).ConfigureAwait(false);
            var details = new Dictionary<string, ManagedDiskDetails>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < ids.Length; i++)
            {
                details[ids[i]] = ToDetails(disks[i]);
            }

            return details;
        }

        private static ManagedDiskDetails ToDetails(ManagedDiskData disk)
        {
            var settings = disk.EncryptionSettingsGroup;
            var elements = settings?.EncryptionSettings ?? [];
            var vaults = elements.SelectMany(e => new[] { e.DiskEncryptionKey?.SourceVaultId?.ToString(), e.KeyEncryptionKey?.SourceVaultId?.ToString() })
                .OfType<string>()
                .ToArray();
            return new ManagedDiskDetails(
                disk.DiskSizeGB,
                settings?.Enabled == true,
                vaults,
                elements.Any(e => e.KeyEncryptionKey != null),
                disk.Sku?.Name.ToString());
        }
    }
}
