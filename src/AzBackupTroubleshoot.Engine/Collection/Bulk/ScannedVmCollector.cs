using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.ResourceManager.Compute;
using AzBackupTroubleshoot.Engine.RecoveryServices;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>
    /// One VM of a bulk scan: its own reads (model with instance view, the parts its model leaves unknown, restore
    /// point counts, in a lean count only when worth it), its share of the subscription-wide parts, shaped by <see cref="VmEvidenceAssembler"/>.
    /// </summary>
    internal sealed class ScannedVmCollector(ScanSources sources, PerVmReads reads, bool leanRestorePointCount, DenyPolicyIndex policies, CancellationToken cancellationToken)
    {
        public async Task<BulkScanResult> CollectAsync(ListedVm listed, SharedSubscriptionLists shared, DateTimeOffset now)
        {
            var vm = listed.Vm;
            var model = listed.ListModel;
            if (model == null)
            {
                try
                {
                    model = await sources.Vms.GetWithInstanceViewAsync(vm, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (GapOnFailure.AsArmError(exception, "GET", vm.ResourceId) is { } error)
                {
                    return BulkScanResult.Of(ReadProblems.Of(vm.ResourceId, EvidencePart.Vm, error));
                }

                if (model == null)
                {
                    return listed.Named
                        ? BulkScanResult.Of(await GoneAsync(vm, shared, now).ConfigureAwait(false))
                        : BulkScanResult.Of(new ReadProblem(vm.ResourceId, EvidencePart.Vm, 404, "ResourceNotFound", null, $"The VM {vm.ResourceId} was listed but no longer exists."));
                }
            }

            var parts = new VmReads(vm, now) { Model = FetchResult<VirtualMachineData>.Of(model) };
            var location = model.Location.Name;
            var modelParts = sources.ModelParts.ReadAsync(vm, model, parts, cancellationToken);
            var denyPolicies = policies.ForVmAsync(vm, shared.AssignmentsFor(vm));
            var status = reads == PerVmReads.All
                ? GapOnFailure.FetchAsync(EvidencePart.Protection, "POST", $"/subscriptions/{vm.SubscriptionId}/providers/Microsoft.RecoveryServices/locations/{location}/backupStatus", () => sources.Backup.GetStatusAsync(vm, location, cancellationToken))
                : null;

            parts.Locks = await shared.Locks.ConfigureAwait(false);
            ReadProtection(vm, location, await shared.Vaults.ConfigureAwait(false), await shared.VaultContents.ConfigureAwait(false), parts);
            parts.RestorePointCollections = await CollectionsAsync(vm, shared, parts).ConfigureAwait(false);
            if (status != null)
            {
                parts.BackupStatus = await status.ConfigureAwait(false);
            }

            parts.DenyPolicies = await denyPolicies.ConfigureAwait(false);
            await modelParts.ConfigureAwait(false);
            var evidence = VmEvidenceAssembler.Assemble(parts);
            return BulkScanResult.Of(listed.ListModel == null ? evidence : FromList(evidence, listed.Statuses));
        }

        /// <summary>
        /// A named VM that ARM does not know: what is left of it (its protected items and jobs in any vault, its
        /// collections and the locks over them), as the single-VM collector gives a deleted VM.
        /// </summary>
        private async Task<VmEvidence> GoneAsync(VmIdentity vm, SharedSubscriptionLists shared, DateTimeOffset now)
        {
            var parts = new VmReads(vm, now) { Model = new FetchResult<VirtualMachineData>(null, null) };
            parts.Locks = await shared.Locks.ConfigureAwait(false);
            ReadProtection(vm, null, await shared.Vaults.ConfigureAwait(false), await shared.VaultContents.ConfigureAwait(false), parts);
            parts.RestorePointCollections = await CollectionsAsync(vm, shared, parts).ConfigureAwait(false);
            return VmEvidenceAssembler.Assemble(parts);
        }

        /// <summary>
        /// Protected items and jobs of the vaults in the VM's region (of every vault for a VM that is gone), as the
        /// single-VM collector reads them. A vault
        /// that could not be read leaves a gap only when the VM's own item was not found elsewhere. In a lean scan the
        /// item found stands for the backup status API's "Protected".
        /// </summary>
        private void ReadProtection(VmIdentity vm, string? location, FetchResult<IReadOnlyList<RecoveryServicesVault>> vaults, IReadOnlyList<VaultContents> contents, VmReads parts)
        {
            if (vaults.Value == null)
            {
                parts.ProtectedItems = FetchResult<IReadOnlyList<ProtectedItemInVault>>.Missing(vaults.Gap!);
                parts.Jobs = FetchResult<IReadOnlyList<JobInVault>>.Missing(new EvidenceGap(EvidencePart.Jobs, vaults.Gap!.Reason, vaults.Gap.HttpStatus));
                return;
            }

            var regional = contents.Where(c => location == null || BackupSource.InRegion(c.Vault, location)).ToArray();
            var mine = regional.SelectMany(c => c.ItemsByVm[vm.ResourceId]).ToArray();
            var itemGap = regional.Select(c => c.Items.Gap).FirstOrDefault(g => g != null);
            parts.ProtectedItems = mine.Length > 0 || itemGap == null
                ? FetchResult<IReadOnlyList<ProtectedItemInVault>>.Of(mine)
                : FetchResult<IReadOnlyList<ProtectedItemInVault>>.Missing(itemGap);

            var protecting = new HashSet<string>(mine.Select(i => i.VaultId), StringComparer.OrdinalIgnoreCase);
            var jobGap = regional
                .Where(c => protecting.Count == 0 || protecting.Contains(c.Vault.Id!))
                .Select(c => c.Jobs.Gap)
                .FirstOrDefault(g => g != null);
            parts.Jobs = jobGap != null
                ? FetchResult<IReadOnlyList<JobInVault>>.Missing(jobGap)
                : FetchResult<IReadOnlyList<JobInVault>>.Of(regional.SelectMany(c => c.JobsByWorkload[vm.Name]).ToArray());

            if (reads == PerVmReads.OnlyWhereNeeded && mine.Length > 0)
            {
                parts.BackupStatus = FetchResult<BackupStatus>.Of(new BackupStatus { ProtectionStatus = "Protected", VaultId = mine[0].VaultId });
            }
        }

        private async Task<FetchResult<IReadOnlyList<RestorePointCollectionEvidence>>> CollectionsAsync(VmIdentity vm, SharedSubscriptionLists shared, VmReads parts)
        {
            parts.ExtraGaps.AddRange(await shared.IgnoredCollectionsOfAsync(vm).ConfigureAwait(false));
            var listed = await shared.CollectionsOfAsync(vm).ConfigureAwait(false);
            if (listed.Value is not { Count: > 0 } collections)
            {
                return listed;
            }

            var jobs = parts.Jobs?.Value is { } all ? BackupSource.OfVm(all, vm) : null;
            if (reads == PerVmReads.All || !leanRestorePointCount || RestorePointCounting.IsWorthCounting(collections, parts.Locks?.Value, parts.ProtectedItems?.Value, jobs))
            {
                return FetchResult<IReadOnlyList<RestorePointCollectionEvidence>>.Of(
                    await sources.RestorePoints.CountEachAsync(collections, parts.ExtraGaps, cancellationToken).ConfigureAwait(false));
            }

            parts.ExtraGaps.Add(new EvidenceGap(EvidencePart.RestorePoints, RestorePointCounting.NotCountedReason, Skipped: true));
            return listed;
        }

        /// <summary>
        /// A stopped or deallocated VM judged from the model list: the statuses come from the statusOnly list, and what
        /// only the VM's own GET would show (its extensions, and so whether Azure Disk Encryption is on) is a gap.
        /// </summary>
        private static VmEvidence FromList(VmEvidence evidence, VirtualMachineData? statuses)
        {
            var power = statuses == null ? null : VmModelReader.StatusCode(statuses, "PowerState/");
            var state = power ?? "not running";
            var gaps = evidence.Gaps.ToList();
            gaps.Add(new EvidenceGap(EvidencePart.Extensions, $"the VM is {state}, and a bulk scan reads a stopped or deallocated VM from the model list, which lists no extensions", Skipped: true));
            var encryption = evidence.Encryption;
            if (encryption is { IsEncrypted: false })
            {
                encryption = null;
                gaps.Add(new EvidenceGap(EvidencePart.Encryption, $"the VM is {state}, and without its extensions a bulk scan cannot tell whether Azure Disk Encryption is on", Skipped: true));
            }

            return evidence with
            {
                PowerState = power ?? evidence.PowerState,
                ProvisioningState = (statuses == null ? null : VmModelReader.StatusCode(statuses, "ProvisioningState/")) ?? evidence.ProvisioningState,
                Extensions = null,
                Encryption = encryption,
                Gaps = gaps,
            };
        }
    }
}
