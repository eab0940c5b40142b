using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using AzBackupTroubleshoot.Engine.KeyVault;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>Shapes what was fetched for a VM into <see cref="VmEvidence"/>; no I/O.</summary>
    internal static class VmEvidenceAssembler
    {
        public static VmEvidence Assemble(VmReads parts)
        {
            var vm = parts.Vm;
            var model = parts.Model?.Value;
            var gaps = GapsOf(parts);
            var collections = parts.RestorePointCollections?.Value is { } all ? RestorePointCollectionSource.OfVm(all, vm.ResourceId) : null;
            var evidence = new VmEvidence
            {
                Vm = vm,
                Exists = parts.VmExists,
                RestorePointCollections = collections,
                Protection = BackupSource.ProtectionOf(parts.BackupStatus?.Value, parts.BackupStatus?.Gap != null, parts.ProtectedItems?.Value, vm),
                RecentJobs = parts.Jobs?.Value is { } jobs ? BackupSource.OfVm(jobs, vm) : null,
                Gaps = gaps,
                CollectedAt = parts.CollectedAt,
            };

            if (model == null)
            {
                return evidence with { Locks = parts.Locks?.Value is { } orphanLocks ? LocksOf(orphanLocks, vm, null, collections) : null };
            }

            var location = model.Location.Name;
            var extensions = ExtensionsOf(model, parts.ExtensionList?.Value);
            var disks = DisksOf(model, parts.ManagedDisks?.Value);
            return evidence with
            {
                Location = location,
                OsType = model.StorageProfile?.OSDisk?.OSType?.ToString(),
                VmSize = model.HardwareProfile?.VmSize?.ToString(),
                ProvisioningState = VmModelReader.StatusCode(model, "ProvisioningState/") ?? model.ProvisioningState?.ToLowerInvariant(),
                PowerState = VmModelReader.StatusCode(model, "PowerState/"),
                ProvisionVmAgent = model.OSProfile?.WindowsConfiguration?.ProvisionVmAgent ?? model.OSProfile?.LinuxConfiguration?.ProvisionVmAgent,
                Agent = AgentOf(model.InstanceView?.VmAgent),
                Extensions = extensions,
                Disks = disks,
                Encryption = EncryptionOf(model, disks, parts),
                Locks = parts.Locks?.Value is { } locks ? LocksOf(locks, vm, location, collections) : null,
                DenyPolicies = parts.DenyPolicies?.Value,
            };
        }

        private static IReadOnlyList<EvidenceGap> GapsOf(VmReads parts) =>
            new[]
            {
                parts.Model?.Gap, parts.ExtensionList?.Gap, parts.ManagedDisks?.Gap, parts.KeyVaults?.Gap, parts.BackupServiceObjectId?.Gap,
                parts.RestorePointCollections?.Gap, parts.Locks?.Gap, parts.BackupStatus?.Gap, parts.ProtectedItems?.Gap,
                parts.Jobs?.Gap, parts.DenyPolicies?.Gap,
            }
            .OfType<EvidenceGap>()
            .Concat(parts.ExtraGaps)
            .ToArray();

        private static VmAgentEvidence? AgentOf(VirtualMachineAgentInstanceView? agent) =>
            agent == null
                ? null
                : new VmAgentEvidence
                {
                    Version = agent.VmAgentVersion,
                    Statuses = agent.Statuses.Select(StatusOf).ToArray(),
                    ExtensionHandlers = agent.ExtensionHandlers
                        .Select(handler => new ExtensionHandlerEvidence(
                            handler.VirtualMachineExtensionHandlerInstanceViewType,
                            handler.TypeHandlerVersion,
                            handler.Status == null ? null : StatusOf(handler.Status)))
                        .ToArray(),
                };

        private static StatusEvidence StatusOf(InstanceViewStatus status) =>
            new(status.Code, status.Level?.ToString(), status.DisplayStatus, status.Message, status.Time);

        /// <summary>The model's extensions (or the separately listed ones), with the statuses the instance view reports for each.</summary>
        private static IReadOnlyList<ExtensionEvidence> ExtensionsOf(VirtualMachineData model, IReadOnlyList<VirtualMachineExtensionData>? listed)
        {
            var views = model.InstanceView?.Extensions ?? [];
            var source = model.Resources.Count > 0 ? model.Resources : listed ?? [];
            if (source.Count == 0)
            {
                // Only the instance view knows them: no publisher or provisioning state.
                return views.Select(view => new ExtensionEvidence
                {
                    Name = view.Name ?? view.VirtualMachineExtensionInstanceViewType ?? string.Empty,
                    Type = view.VirtualMachineExtensionInstanceViewType ?? string.Empty,
                    TypeHandlerVersion = view.TypeHandlerVersion,
                    Statuses = StatusesOf(view),
                }).ToArray();
            }

            return source.Select(extension =>
            {
                var view = views.FirstOrDefault(v => string.Equals(v.Name, extension.Name, StringComparison.OrdinalIgnoreCase))
                    ?? extension.InstanceView;
                return new ExtensionEvidence
                {
                    Name = extension.Name,
                    Publisher = extension.Publisher,
                    Type = extension.ExtensionType ?? view?.VirtualMachineExtensionInstanceViewType ?? string.Empty,
                    TypeHandlerVersion = extension.TypeHandlerVersion ?? view?.TypeHandlerVersion,
                    ProvisioningState = extension.ProvisioningState,
                    Statuses = view == null ? [] : StatusesOf(view),
                };
            }).ToArray();
        }

        private static IReadOnlyList<StatusEvidence> StatusesOf(VirtualMachineExtensionInstanceView view) =>
            view.Statuses.Concat(view.Substatuses).Select(StatusOf).ToArray();

        private static IReadOnlyList<DiskEvidence> DisksOf(VirtualMachineData model, IReadOnlyDictionary<string, ManagedDiskDetails>? details) =>
            VmModelReader.DisksOf(model).Select(disk =>
            {
                ManagedDiskDetails? read = null;
                if (disk.ManagedDiskId != null)
                {
                    details?.TryGetValue(disk.ManagedDiskId, out read);
                }

                return new DiskEvidence
                {
                    Name = disk.Name,
                    ManagedDiskId = disk.ManagedDiskId,
                    IsOsDisk = disk.IsOsDisk,
                    SizeGb = disk.SizeGb ?? read?.SizeGb,
                    AdeEncrypted = VmModelReader.EncryptionOf(model, disk).Any(settings => settings.Enabled == true) || read?.AdeEncrypted == true,
                    StorageAccountType = disk.StorageAccountType ?? read?.Sku,
                    VhdUri = disk.VhdUri,
                };
            }).ToArray();

        private static EncryptionEvidence EncryptionOf(VirtualMachineData model, IReadOnlyList<DiskEvidence> disks, VmReads parts)
        {
            var ade = AdeExtensionSettings.Of(model.Resources.Count > 0 ? model.Resources : parts.ExtensionList?.Value ?? []);
            var encrypted = disks.Any(d => d.AdeEncrypted) || ade is { Disabled: false };
            if (!encrypted)
            {
                return new EncryptionEvidence { IsEncrypted = false };
            }

            var read = parts.ManagedDisks?.Value?.Values ?? [];
            var settings = VmModelReader.DisksOf(model).SelectMany(disk => VmModelReader.EncryptionOf(model, disk)).ToArray();
            var usesKek = settings.Any(s => s.KeyEncryptionKey != null) || read.Any(d => d.UsesKeyEncryptionKey) || ade?.UsesKeyEncryptionKey == true;
            var access = parts.KeyVaults?.Value is { Count: > 0 } vaults ? KeyVaultAccessEvaluator.Evaluate(vaults, usesKek, parts.BackupServiceObjectId?.Value) : null;
            return new EncryptionEvidence
            {
                IsEncrypted = true,
                KeyVaultIds = VmModelReader.KeyVaultIdsOf(model, ade)
                    .Concat(read.SelectMany(d => d.KeyVaultIds))
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToArray(),
                UsesKeyEncryptionKey = usesKek,
                BackupServiceHasKeyVaultAccess = access?.HasAccess,
                KeyVaultAccessDetail = access?.Detail,
            };
        }

        /// <summary>
        /// Locks that can block backup's cleanup: on AzureBackupRG_&lt;location&gt;_&lt;n&gt; groups, on the groups holding
        /// the VM's restore point collections, on the VM's own group (and resources in these groups), and on the
        /// subscription, which every group inherits.
        /// </summary>
        private static IReadOnlyList<LockEvidence> LocksOf(
            IEnumerable<LockEvidence> locks,
            VmIdentity vm,
            string? location,
            IReadOnlyList<RestorePointCollectionEvidence>? collections)
        {
            var groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { vm.ResourceGroupName };
            foreach (var collection in collections ?? [])
            {
                groups.Add(collection.ResourceGroupName);
            }

            var backupGroup = location == null
                ? null
                : new Regex("^AzureBackupRG_" + Regex.Escape(location) + "_[0-9]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            var selected = locks.Where(l => !l.Inherited && l.ResourceGroupName != null
                    && (groups.Contains(l.ResourceGroupName) || backupGroup?.IsMatch(l.ResourceGroupName) == true))
                .ToList();

            // An inherited lock is told against the group it hurts most: where the restore points live.
            var inheritedBy = collections?.FirstOrDefault()?.ResourceGroupName
                ?? selected.Select(l => l.ResourceGroupName).FirstOrDefault(g => backupGroup?.IsMatch(g!) == true)
                ?? vm.ResourceGroupName;
            selected.AddRange(locks.Where(l => l.Inherited).Select(l => l with { ResourceGroupName = inheritedBy }));
            return selected;
        }
    }
}
