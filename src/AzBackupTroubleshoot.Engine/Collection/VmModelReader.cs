using System;
using System.Collections.Generic;
using System.Linq;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>Reads disks and disk encryption from a VM model with instance view, and says what it leaves unknown.</summary>
    internal static class VmModelReader
    {
        public static IReadOnlyList<ModelDisk> DisksOf(VirtualMachineData vm)
        {
            var disks = new List<ModelDisk>();
            var os = vm.StorageProfile?.OSDisk;
            if (os != null)
            {
                disks.Add(new ModelDisk(
                    os.Name ?? "osdisk",
                    os.ManagedDisk?.Id?.ToString(),
                    IsOsDisk: true,
                    os.DiskSizeGB,
                    os.ManagedDisk?.StorageAccountType?.ToString(),
                    os.VhdUri?.ToString(),
                    os.EncryptionSettings));
            }

            foreach (var data in vm.StorageProfile?.DataDisks ?? [])
            {
                disks.Add(new ModelDisk(
                    data.Name ?? $"lun{data.Lun}",
                    data.ManagedDisk?.Id?.ToString(),
                    IsOsDisk: false,
                    data.DiskSizeGB,
                    data.ManagedDisk?.StorageAccountType?.ToString(),
                    data.VhdUri?.ToString(),
                    ModelEncryption: null));
            }

            return disks;
        }

        /// <summary>The encryption settings the instance view and the model report for a disk.</summary>
        public static IReadOnlyList<DiskEncryptionSettings> EncryptionOf(VirtualMachineData vm, ModelDisk disk)
        {
            var fromInstanceView = vm.InstanceView?.Disks
                .Where(d => string.Equals(d.Name, disk.Name, StringComparison.OrdinalIgnoreCase))
                .SelectMany(d => d.EncryptionSettings)
                ?? [];
            return disk.ModelEncryption == null ? fromInstanceView.ToArray() : fromInstanceView.Append(disk.ModelEncryption).ToArray();
        }

        /// <summary>Managed disks whose size is missing from the model, or whose encryption the model cannot tell while ADE is installed.</summary>
        public static IReadOnlyList<string> DisksToRead(VirtualMachineData vm, AdeExtensionSettings? ade) =>
            DisksOf(vm)
                .Where(disk => disk.ManagedDiskId != null
                    && (disk.SizeGb == null || (ade is { Disabled: false } && EncryptionOf(vm, disk).Count == 0)))
                .Select(disk => disk.ManagedDiskId!)
                .ToArray();

        /// <summary>Key Vaults named by the model, instance view or ADE extension settings.</summary>
        public static IReadOnlyList<string> KeyVaultIdsOf(VirtualMachineData vm, AdeExtensionSettings? ade)
        {
            var fromDisks = DisksOf(vm)
                .SelectMany(disk => EncryptionOf(vm, disk))
                .SelectMany(settings => new[] { settings.DiskEncryptionKey?.SourceVaultId?.ToString(), settings.KeyEncryptionKey?.SourceVaultId?.ToString() })
                .OfType<string>();
            return fromDisks.Concat(ade?.KeyVaultIds ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        }

        /// <summary>
        /// The state after a prefix such as "PowerState/" in the instance view's statuses, without any detail code
        /// ("ProvisioningState/failed/VMExtensionProvisioningError" → "failed").
        /// </summary>
        public static string? StatusCode(VirtualMachineData vm, string prefix) =>
            vm.InstanceView?.Statuses
                .Select(status => status.Code)
                .FirstOrDefault(code => code != null && code.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                ?.Substring(prefix.Length)
                .Split('/')[0];
    }
}
