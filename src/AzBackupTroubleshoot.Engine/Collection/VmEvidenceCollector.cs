using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Resources;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Directory;
using AzBackupTroubleshoot.Engine.KeyVault;
using AzBackupTroubleshoot.Engine.Policy;
using AzBackupTroubleshoot.Engine.RecoveryServices;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>
    /// Collects one VM's evidence in two dependent rounds, each read a single page however large the subscription is.
    /// Round 1, all at once: the VM with its instance view, the subscription's locks, the restore point collections
    /// named after the VM, the policy assignments at the VM and the subscription's vaults. Round 2, each read starting
    /// as soon as what it needs has arrived: backup status, the VM's protected items and the recent failed or running
    /// jobs of the vaults in its region, each collection with its restore points, policy definitions, managed disks and
    /// Key Vaults.
    /// (Initiative members, and Key Vaults named only by a disk's own GET, take a third.)
    /// </summary>
    public sealed class VmEvidenceCollector
    {
        private readonly Func<DateTimeOffset> _clock;
        private readonly VmModelSource _vms;
        private readonly LockSource _locks;
        private readonly RestorePointCollectionSource _restorePoints;
        private readonly PolicySource _policies;
        private readonly BackupSource _backup;
        private readonly DiskSource _disks;
        private readonly KeyVaultManagementClient _keyVaults;
        private readonly ServicePrincipalDirectory _directory;

        public VmEvidenceCollector(AzureSession session)
            : this(session, () => DateTimeOffset.UtcNow)
        {
        }

        internal VmEvidenceCollector(AzureSession session, Func<DateTimeOffset> clock)
        {
            if (session == null)
            {
                throw new ArgumentNullException(nameof(session));
            }

            _clock = clock;
            _vms = new VmModelSource(session.Arm);
            _locks = new LockSource(session.Arm);
            _restorePoints = new RestorePointCollectionSource(session.Arm, session.Rest);
            _policies = new PolicySource(session.Arm, new PolicyDefinitionClient(session));
            _backup = new BackupSource(new RecoveryServicesClient(session));
            _disks = new DiskSource(session.Arm);
            _keyVaults = new KeyVaultManagementClient(session);
            _directory = new ServicePrincipalDirectory(session);
        }

        /// <summary>
        /// The VM's evidence. A VM that does not exist gives <see cref="VmEvidence.Exists"/> false; a part that cannot be
        /// read becomes a gap. Throws <see cref="ArmRequestException"/> only when reading the VM itself is refused (403).
        /// </summary>
        public async Task<VmEvidence> CollectAsync(VmIdentity vm, CancellationToken cancellationToken)
        {
            if (vm == null)
            {
                throw new ArgumentNullException(nameof(vm));
            }

            var parts = new VmReads(vm, _clock());
            var subscription = $"/subscriptions/{vm.SubscriptionId}";

            // Round 1.
            var modelTask = GetModelAsync(vm, cancellationToken);
            var locksTask = GapOnFailure.FetchAsync(EvidencePart.Locks, "GET", subscription + "/providers/Microsoft.Authorization/locks", () => _locks.ListAsync(vm.SubscriptionId, cancellationToken));
            var collectionsTask = GapOnFailure.FetchAsync(EvidencePart.RestorePoints, "GET", subscription + "/resources", () => _restorePoints.ListNamedAfterAsync(vm, cancellationToken));
            var assignmentsTask = GapOnFailure.FetchAsync(EvidencePart.Policy, "GET", vm.ResourceId + "/providers/Microsoft.Authorization/policyAssignments", () => _policies.ListAssignmentsAsync(vm, cancellationToken));
            var vaultsTask = GapOnFailure.FetchAsync(EvidencePart.Protection, "GET", subscription + "/providers/Microsoft.RecoveryServices/vaults", () => _backup.ListVaultsAsync(vm.SubscriptionId, cancellationToken));

            // Round 2 for the reads that do not need the VM model.
            var countedTask = CountRestorePointsAsync(vm, collectionsTask, parts, cancellationToken);
            var policiesTask = DenyPoliciesAsync(assignmentsTask, cancellationToken);

            parts.Model = await modelTask.ConfigureAwait(false);
            var model = parts.Model.Value;
            var backupTask = ReadBackupAsync(vm, model, vaultsTask, parts, cancellationToken);
            var modelPartsTask = model == null ? Task.CompletedTask : new ModelFollowUpReader(_vms, _disks, _keyVaults, _directory).ReadAsync(vm, model, parts, cancellationToken);

            parts.Locks = await locksTask.ConfigureAwait(false);
            parts.RestorePointCollections = await countedTask.ConfigureAwait(false);
            var policies = await policiesTask.ConfigureAwait(false);
            await Task.WhenAll(backupTask, modelPartsTask).ConfigureAwait(false);

            // Assignments at the scope of a VM that is gone say nothing about it.
            parts.DenyPolicies = parts.VmExists ? policies : null;
            return VmEvidenceAssembler.Assemble(parts);
        }

        private async Task<FetchResult<VirtualMachineData>> GetModelAsync(VmIdentity vm, CancellationToken cancellationToken)
        {
            try
            {
                var model = await _vms.GetWithInstanceViewAsync(vm, cancellationToken).ConfigureAwait(false);
                return new FetchResult<VirtualMachineData>(model, null);
            }
            catch (Exception exception) when (GapOnFailure.AsArmError(exception, "GET", vm.ResourceId) is { IsForbidden: false } error)
            {
                return FetchResult<VirtualMachineData>.Missing(GapOnFailure.GapOf(EvidencePart.Vm, error));
            }
        }

        private async Task<FetchResult<IReadOnlyList<RestorePointCollectionEvidence>>> CountRestorePointsAsync(
            VmIdentity vm,
            Task<FetchResult<IReadOnlyList<RestorePointCollectionEvidence>>> listTask,
            VmReads parts,
            CancellationToken cancellationToken)
        {
            var listed = await listTask.ConfigureAwait(false);
            if (listed.Value == null)
            {
                return listed;
            }

            // Each GET names the collection's source: the assembler keeps the VM's own.
            var counted = await _restorePoints.CountEachAsync(listed.Value, parts.ExtraGaps, cancellationToken).ConfigureAwait(false);
            return FetchResult<IReadOnlyList<RestorePointCollectionEvidence>>.Of(counted);
        }

        private async Task<FetchResult<IReadOnlyList<PolicyEvidence>>> DenyPoliciesAsync(
            Task<FetchResult<IReadOnlyList<PolicyAssignmentData>>> assignmentsTask,
            CancellationToken cancellationToken)
        {
            var assignments = await assignmentsTask.ConfigureAwait(false);
            return assignments.Value == null
                ? FetchResult<IReadOnlyList<PolicyEvidence>>.Missing(assignments.Gap!)
                : await GapOnFailure.FetchAsync(EvidencePart.Policy, "GET", "policyDefinitions", () => _policies.DenyPoliciesAsync(assignments.Value, cancellationToken)).ConfigureAwait(false);
        }

        /// <summary>Backup status, protected items and jobs: of the vaults in the VM's region, or of every vault when the VM is gone.</summary>
        private async Task ReadBackupAsync(
            VmIdentity vm,
            VirtualMachineData? model,
            Task<FetchResult<IReadOnlyList<RecoveryServicesVault>>> vaultsTask,
            VmReads parts,
            CancellationToken cancellationToken)
        {
            var location = model?.Location.Name;
            var statusTask = location == null
                ? Task.FromResult<FetchResult<BackupStatus>?>(null)
                : FetchStatusAsync(vm, location, cancellationToken);

            var vaults = await vaultsTask.ConfigureAwait(false);
            if (vaults.Value == null)
            {
                parts.ProtectedItems = FetchResult<IReadOnlyList<ProtectedItemInVault>>.Missing(vaults.Gap!);
                parts.Jobs = FetchResult<IReadOnlyList<JobInVault>>.Missing(new EvidenceGap(EvidencePart.Jobs, vaults.Gap!.Reason, vaults.Gap.HttpStatus));
            }
            else
            {
                var regional = vaults.Value.Where(v => location == null || BackupSource.InRegion(v, location)).ToArray();
                var itemsTask = GapOnFailure.FetchAsync(EvidencePart.Protection, "GET", "backupProtectedItems", () => _backup.ListProtectedItemsAsync(regional, vm.Name, cancellationToken));
                var jobsTask = GapOnFailure.FetchAsync(EvidencePart.Jobs, "GET", "backupJobs", () => _backup.ListRecentJobsAsync(regional, parts.CollectedAt, cancellationToken));
                parts.ProtectedItems = await itemsTask.ConfigureAwait(false);
                parts.Jobs = await jobsTask.ConfigureAwait(false);
            }

            parts.BackupStatus = await statusTask.ConfigureAwait(false);
        }

        private async Task<FetchResult<BackupStatus>?> FetchStatusAsync(VmIdentity vm, string location, CancellationToken cancellationToken) =>
            await GapOnFailure.FetchAsync(EvidencePart.Protection, "POST", $"/subscriptions/{vm.SubscriptionId}/providers/Microsoft.RecoveryServices/locations/{location}/backupStatus", () => _backup.GetStatusAsync(vm, location, cancellationToken)).ConfigureAwait(false);
    }
}
