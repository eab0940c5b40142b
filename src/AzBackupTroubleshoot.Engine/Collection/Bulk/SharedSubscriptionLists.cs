using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.ResourceManager.Resources;
using AzBackupTroubleshoot.Engine.RecoveryServices;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>
    /// What a subscription's VMs share, each read once as the scan starts: management locks, restore point
    /// collections, vaults and each vault's protected items and recent jobs, policy assignments per scanned scope. A
    /// part that fails becomes one problem for the scan and a gap in each VM that needs it.
    /// </summary>
    internal sealed class SharedSubscriptionLists
    {
        private readonly ConcurrentQueue<ReadProblem> _problems = new();
        private readonly IReadOnlyDictionary<string, Task<FetchResult<IReadOnlyList<PolicyAssignmentData>>>> _assignments;
        private readonly Task<FetchResult<IReadOnlyList<RestorePointCollectionEvidence>>> _collections;
        private readonly Task<ILookup<string, RestorePointCollectionEvidence>> _collectionsByVm;

        public SharedSubscriptionLists(ScanSources sources, string subscriptionId, IEnumerable<ScanScope> scopes, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var subscription = $"/subscriptions/{subscriptionId}";
            SubscriptionId = subscriptionId;
            Locks = FetchAsync(EvidencePart.Locks, subscription + "/providers/Microsoft.Authorization/locks", () => sources.Locks.ListAsync(subscriptionId, cancellationToken));
            _collections = FetchAsync(EvidencePart.RestorePoints, subscription + "/providers/Microsoft.Compute/restorePointCollections", () => sources.RestorePoints.ListAsync(subscriptionId, cancellationToken));
            _collectionsByVm = IndexAsync(_collections);
            Vaults = FetchAsync(EvidencePart.Protection, subscription + "/providers/Microsoft.RecoveryServices/vaults", () => sources.Backup.ListVaultsAsync(subscriptionId, cancellationToken));
            VaultContents = ListVaultContentsAsync(sources.Backup, now, cancellationToken);

            // A whole-subscription scope lists the assignments once for all; resource group scopes list their own.
            _assignments = scopes
                .Select(scope => scope.ResourceGroupName)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToDictionary(
                    group => group ?? string.Empty,
                    group => FetchAsync(
                        EvidencePart.Policy,
                        new ScanScope(subscriptionId, group).Id + "/providers/Microsoft.Authorization/policyAssignments",
                        () => sources.Policies.ListAssignmentsAsync(subscriptionId, group, cancellationToken)),
                    StringComparer.OrdinalIgnoreCase);
        }

        public string SubscriptionId { get; }

        public Task<FetchResult<IReadOnlyList<LockEvidence>>> Locks { get; }

        public Task<FetchResult<IReadOnlyList<RecoveryServicesVault>>> Vaults { get; }

        public Task<IReadOnlyList<VaultContents>> VaultContents { get; }

        /// <summary>Every subscription-wide read has ended (as a value or a gap).</summary>
        public Task Completion => Task.WhenAll(_assignments.Values.Cast<Task>().Concat([Locks, _collections, _collectionsByVm, Vaults, VaultContents]));

        /// <summary>Problems met so far in the subscription-wide parts.</summary>
        public IEnumerable<ReadProblem> Problems => _problems;

        /// <summary>The VM's restore point collections (uncounted), or the list's gap.</summary>
        public async Task<FetchResult<IReadOnlyList<RestorePointCollectionEvidence>>> CollectionsOfAsync(VmIdentity vm)
        {
            var listed = await _collections.ConfigureAwait(false);
            return listed.Value == null
                ? listed
                : FetchResult<IReadOnlyList<RestorePointCollectionEvidence>>.Of((await _collectionsByVm.ConfigureAwait(false))[vm.ResourceId].ToArray());
        }

        /// <summary>
        /// Notes for the collections named after the VM (as Azure Backup names them) that name no source VM: they belong
        /// to no VM and are ignored, and the VM's evidence says so.
        /// </summary>
        public async Task<IEnumerable<EvidenceGap>> IgnoredCollectionsOfAsync(VmIdentity vm) =>
            ((await _collections.ConfigureAwait(false)).Value ?? [])
                .Where(c => c.SourceVmId == null && c.Name.IndexOf(vm.Name, StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(RestorePointCollectionSource.Ignored);

        /// <summary>The assignments listed for the VM: the subscription's when the whole subscription is scanned.</summary>
        public Task<FetchResult<IReadOnlyList<PolicyAssignmentData>>> AssignmentsFor(VmIdentity vm) =>
            _assignments.TryGetValue(string.Empty, out var whole) ? whole : _assignments[vm.ResourceGroupName];

        private static async Task<ILookup<string, RestorePointCollectionEvidence>> IndexAsync(Task<FetchResult<IReadOnlyList<RestorePointCollectionEvidence>>> listTask) =>
            ((await listTask.ConfigureAwait(false)).Value ?? [])
                .Where(c => c.SourceVmId != null)
                .ToLookup(c => c.SourceVmId!, StringComparer.OrdinalIgnoreCase);

        private async Task<IReadOnlyList<VaultContents>> ListVaultContentsAsync(BackupSource backup, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var vaults = (await Vaults.ConfigureAwait(false)).Value ?? [];
            return await Task.WhenAll(vaults.Where(v => v.Id != null).Select(async vault =>
            {
                var items = FetchAsync(EvidencePart.Protection, vault.Id + "/backupProtectedItems", () => backup.ListProtectedItemsAsync([vault], vmName: null, cancellationToken));
                var jobs = FetchAsync(EvidencePart.Jobs, vault.Id + "/backupJobs", () => backup.ListRecentJobsAsync([vault], now, cancellationToken));
                return new VaultContents(vault, await items.ConfigureAwait(false), await jobs.ConfigureAwait(false));
            })).ConfigureAwait(false);
        }

        private async Task<FetchResult<T>> FetchAsync<T>(EvidencePart part, string path, Func<Task<T>> fetch)
        {
            var result = await GapOnFailure.FetchAsync(part, "GET", path, fetch).ConfigureAwait(false);
            if (result.Gap != null)
            {
                _problems.Enqueue(new ReadProblem(ResourceOf(path), part, result.Gap.HttpStatus, null, null, result.Gap.Reason));
            }

            return result;
        }

        // The failing item: the vault for its lists, the subscription or resource group for a subscription-wide list.
        private static string ResourceOf(string path)
        {
            var providers = path.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase);
            var vault = path.IndexOf("/vaults/", StringComparison.OrdinalIgnoreCase);
            if (vault >= 0)
            {
                var end = path.IndexOf('/', vault + "/vaults/".Length);
                return end < 0 ? path : path.Substring(0, end);
            }

            return providers < 0 ? path : path.Substring(0, providers);
        }
    }
}
