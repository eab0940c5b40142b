using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.RecoveryServices;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>
    /// Recovery Services reads for a set of vaults: protected items and recent jobs, one list (per filter) per vault,
    /// all vaults at once. The same lists serve every VM of the vaults.
    /// </summary>
    internal sealed class BackupSource(RecoveryServicesClient client)
    {
        /// <summary>How far back failed jobs are read.</summary>
        public static readonly TimeSpan FailedJobWindow = TimeSpan.FromDays(7);

        /// <summary>How far back a job still in progress may have started.</summary>
        public static readonly TimeSpan InProgressJobWindow = TimeSpan.FromDays(30);

        public Task<IReadOnlyList<RecoveryServicesVault>> ListVaultsAsync(string subscriptionId, CancellationToken cancellationToken) =>
            client.ListVaultsAsync(subscriptionId, resourceGroupName: null, cancellationToken);

        public Task<BackupStatus> GetStatusAsync(VmIdentity vm, string location, CancellationToken cancellationToken) =>
            client.GetBackupStatusAsync(vm.SubscriptionId, location, vm.ResourceId, cancellationToken);

        /// <summary>The Azure VM protected items of every vault given; only those named <paramref name="vmName"/> when one is given.</summary>
        public async Task<IReadOnlyList<ProtectedItemInVault>> ListProtectedItemsAsync(IEnumerable<RecoveryServicesVault> vaults, string? vmName, CancellationToken cancellationToken)
        {
            var perVault = await Task.WhenAll(vaults.Where(v => v.Id != null).Select(async vault =>
                (await client.ListProtectedItemsAsync(vault.Id!, vmName, cancellationToken).ConfigureAwait(false))
                    .Select(item => new ProtectedItemInVault(vault.Id!, item)))).ConfigureAwait(false);
            return perVault.SelectMany(items => items).ToArray();
        }

        /// <summary>Azure VM jobs in progress, and failed ones of the last <see cref="FailedJobWindow"/>, of every vault given.</summary>
        public async Task<IReadOnlyList<JobInVault>> ListRecentJobsAsync(IEnumerable<RecoveryServicesVault> vaults, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var inProgress = new BackupJobFilter { Status = "InProgress", StartTime = now - InProgressJobWindow, EndTime = now };
            var failed = new BackupJobFilter { Status = "Failed", StartTime = now - FailedJobWindow, EndTime = now };
            var lists = await Task.WhenAll(vaults.Where(v => v.Id != null).SelectMany(vault => new[]
            {
                ListJobsAsync(vault.Id!, inProgress, cancellationToken),
                ListJobsAsync(vault.Id!, failed, cancellationToken),
            })).ConfigureAwait(false);
            return lists.SelectMany(jobs => jobs)
                .GroupBy(entry => entry.Job.Id ?? entry.VaultId + "/" + entry.Job.Name, StringComparer.OrdinalIgnoreCase)
                .Select(group => group.First())
                .ToArray();
        }

        /// <summary>
        /// The jobs of the VM's workload. The service names the VM only by name and, when it gives one, by a container
        /// name that ends in ";group;name".
        /// </summary>
        public static IReadOnlyList<JobEvidence> OfVm(IEnumerable<JobInVault> jobs, VmIdentity vm) =>
            jobs.Where(entry => IsOfVm(entry.Job.Properties, vm))
                .Select(entry => JobMapper.ToEvidence(entry.Job, entry.VaultId))
                .OrderByDescending(job => job.StartTime)
                .ToArray();

        /// <summary>Whether a job is the VM's: same name, and a container name (when given) that ends in ";group;name".</summary>
        public static bool IsOfVm(BackupJobProperties? job, VmIdentity vm) =>
            job != null
            && string.Equals(job.EntityFriendlyName, vm.Name, StringComparison.OrdinalIgnoreCase)
            && (job.ContainerName == null || job.ContainerName.EndsWith($";{vm.ResourceGroupName};{vm.Name}", StringComparison.OrdinalIgnoreCase));

        /// <summary>What the backup status API and the VM's protected item say together.</summary>
        public static ProtectionEvidence? ProtectionOf(BackupStatus? status, bool statusFailed, IEnumerable<ProtectedItemInVault>? items, VmIdentity vm)
        {
            var candidates = (items ?? []).Where(entry => IsProtectedItemOf(entry.Item.Properties, vm.ResourceId)).ToList();
            var item = candidates.FirstOrDefault(entry => string.Equals(entry.VaultId, status?.VaultId, StringComparison.OrdinalIgnoreCase))
                ?? candidates.FirstOrDefault();
            if (status == null && item == null)
            {
                // No item in any vault read, and no status to say otherwise: not protected, as far as can be told.
                return items == null || statusFailed ? null : new ProtectionEvidence { ProtectionStatus = "NotProtected" };
            }

            return new ProtectionEvidence
            {
                ProtectionStatus = status?.ProtectionStatus,
                VaultId = status?.VaultId ?? item?.VaultId,
                ErrorCode = status?.ErrorCode,
                ErrorMessage = status?.ErrorMessage,
                ProtectedItemId = item?.Item.Id,
                ProtectionState = item?.Item.Properties?.ProtectionState,
                HealthStatus = item?.Item.Properties?.HealthStatus,
                LastBackupStatus = item?.Item.Properties?.LastBackupStatus,
            };
        }

        /// <summary>Whether the vault is in <paramref name="location"/> ("West Europe" and "westeurope" alike).</summary>
        public static bool InRegion(RecoveryServicesVault vault, string location) =>
            vault.Location != null
            && string.Equals(vault.Location.Replace(" ", string.Empty), location.Replace(" ", string.Empty), StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether a protected item is the VM's (the VM id is in virtualMachineId or sourceResourceId).</summary>
        public static bool IsProtectedItemOf(ProtectedItemProperties? properties, string vmResourceId) =>
            properties != null
            && (string.Equals(properties.VirtualMachineId, vmResourceId, StringComparison.OrdinalIgnoreCase)
                || string.Equals(properties.SourceResourceId, vmResourceId, StringComparison.OrdinalIgnoreCase));

        private async Task<IEnumerable<JobInVault>> ListJobsAsync(string vaultId, BackupJobFilter filter, CancellationToken cancellationToken) =>
            (await client.ListJobsAsync(vaultId, filter, cancellationToken).ConfigureAwait(false))
                .Select(job => new JobInVault(vaultId, job));
    }
}
