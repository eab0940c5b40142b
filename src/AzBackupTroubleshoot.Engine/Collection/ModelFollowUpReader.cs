using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.ResourceManager.Compute;
using AzBackupTroubleshoot.Engine.Directory;
using AzBackupTroubleshoot.Engine.KeyVault;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>
    /// The reads a VM model asks for when it leaves something unknown: the extension list, managed disks, Key Vaults
    /// and the Backup Management Service's object id. Key Vaults and the object id are read once per reader, so one
    /// reader serves one collection (a VM, or every VM of a bulk scan) and never hands out an answer from an earlier one.
    /// </summary>
    internal sealed class ModelFollowUpReader(VmModelSource vms, DiskSource disks, KeyVaultManagementClient keyVaults, ServicePrincipalDirectory directory)
    {
        private readonly ConcurrentDictionary<string, Task<ArmResource<KeyVaultProperties>>> _keyVaults = new(StringComparer.OrdinalIgnoreCase);
        private readonly object _gate = new();
        private Task<string?>? _backupServiceObjectId;

        /// <summary>Extension list, managed disks and Key Vaults: only where the model leaves something unknown.</summary>
        public async Task ReadAsync(VmIdentity vm, VirtualMachineData model, VmReads parts, CancellationToken cancellationToken)
        {
            var extensionsTask = VmModelSource.NeedsExtensionList(model)
                ? GapOnFailure.FetchAsync(EvidencePart.Extensions, "GET", vm.ResourceId + "/extensions", () => vms.ListExtensionsAsync(vm, cancellationToken))
                : null;
            var ade = AdeExtensionSettings.Of(model.Resources);
            var diskIds = VmModelReader.DisksToRead(model, ade);
            var disksTask = diskIds.Count == 0
                ? null
                : GapOnFailure.FetchAsync(EvidencePart.Disks, "GET", diskIds[0], () => disks.GetAsync(diskIds, cancellationToken));

            var keyVaultIds = VmModelReader.KeyVaultIdsOf(model, ade);
            if (keyVaultIds.Count == 0 && disksTask != null)
            {
                // Only the disks' own GET names the vaults: a third round, for this case alone.
                var read = await disksTask.ConfigureAwait(false);
                keyVaultIds = read.Value?.Values.SelectMany(d => d.KeyVaultIds).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() ?? [];
            }

            var keyVaultsTask = keyVaultIds.Count == 0
                ? null
                : GapOnFailure.FetchAsync(EvidencePart.Encryption, "GET", keyVaultIds[0], () => GetKeyVaultsAsync(keyVaultIds, cancellationToken));
            var backupServiceTask = keyVaultIds.Count == 0
                ? null
                : GapOnFailure.FetchAsync(EvidencePart.Encryption, "GET", "v1.0/servicePrincipals", () => BackupServiceObjectIdAsync(cancellationToken));

            parts.ExtensionList = extensionsTask == null ? null : await extensionsTask.ConfigureAwait(false);
            parts.ManagedDisks = disksTask == null ? null : await disksTask.ConfigureAwait(false);
            parts.KeyVaults = keyVaultsTask == null ? null : await keyVaultsTask.ConfigureAwait(false);
            parts.BackupServiceObjectId = backupServiceTask == null ? null : await backupServiceTask.ConfigureAwait(false);
        }

        private async Task<IReadOnlyList<ArmResource<KeyVaultProperties>>> GetKeyVaultsAsync(IEnumerable<string> ids, CancellationToken cancellationToken) =>
            await Task.WhenAll(ids.Select(id => _keyVaults.GetOrAdd(id, key => keyVaults.GetVaultAsync(key, cancellationToken)))).ConfigureAwait(false);

        private Task<string?> BackupServiceObjectIdAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _backupServiceObjectId ??= directory.FindObjectIdAsync(KeyVaultAccessEvaluator.BackupManagementServiceAppId, cancellationToken);
            }
        }
    }
}
