using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.RecoveryServices;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Engine.Diagnosis
{
    /// <summary>
    /// Reads the failed jobs of a scope from Recovery Services: the vaults of the scope, each vault's jobs filtered by the
    /// service (status, operation, start time window or job id; every page), then the details of each job listed
    /// without error details. A vault or job that cannot be read becomes a <see cref="ReadProblem"/>.
    /// </summary>
    public sealed class FailedJobSource
    {
        private static readonly string[] Failed = ["Failed"];
        private static readonly string[] FailedOrWarnings = ["Failed", "CompletedWithWarnings"];

        private readonly RecoveryServicesClient _client;
        private readonly BackupSource _backup;
        private readonly VmModelSource _vms;
        private readonly Func<DateTimeOffset> _clock;

        public FailedJobSource(AzureSession session)
            : this(session, () => DateTimeOffset.UtcNow)
        {
        }

        internal FailedJobSource(AzureSession session, Func<DateTimeOffset> clock)
        {
            if (session == null)
            {
                throw new ArgumentNullException(nameof(session));
            }

            _client = new RecoveryServicesClient(session);
            _backup = new BackupSource(_client);
            _vms = new VmModelSource(session.Arm);
            _clock = clock;
        }

        /// <summary>The scope's jobs that match the query, newest first, with their error details and, where it can be told, their VM.</summary>
        public async Task<FailedJobs> ReadAsync(FailedJobScope scope, FailedJobQuery query, CancellationToken cancellationToken)
        {
            if (scope == null)
            {
                throw new ArgumentNullException(nameof(scope));
            }

            if (query == null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            var problems = new List<ReadProblem>();
            var vm = scope.IsVirtualMachine ? VmResourceIds.IdentityOf(scope.Id) : null;
            var vaults = await VaultsOfAsync(scope, vm, problems, cancellationToken).ConfigureAwait(false);

            var filters = FiltersOf(query);
            var lists = await Task.WhenAll(vaults.Select(vault => ListAsync(vault, filters, cancellationToken))).ConfigureAwait(false);
            problems.AddRange(lists.Select(list => list.Problem).OfType<ReadProblem>());
            var listed = lists.SelectMany(list => list.Jobs).Where(entry => vm == null || BackupSource.IsOfVm(entry.Job.Properties, vm)).ToList();

            // The list carries each job's error details already; only a job listed without them is read on its own.
            var detailed = await Task.WhenAll(listed.Select(entry => entry.Job.Properties?.ErrorDetails is { Count: > 0 }
                ? Task.FromResult<(JobInVault Job, ReadProblem? Problem)>((entry, null))
                : DetailAsync(entry, cancellationToken))).ConfigureAwait(false);
            problems.AddRange(detailed.Select(d => d.Problem).OfType<ReadProblem>());

            // Only a job whose details name no container needs the vault's protected items to tell its VM.
            var unplaced = vm == null
                ? detailed.Where(d => ContainerVmOf(d.Job) == null).Select(d => d.Job.VaultId).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                : [];
            var items = await Task.WhenAll(unplaced.Select(vault => ListItemsAsync(vault, cancellationToken))).ConfigureAwait(false);
            problems.AddRange(items.Select(i => i.Problem).OfType<ReadProblem>());
            var protectedItems = items.SelectMany(i => i.Items).ToList();

            var jobs = detailed
                .Select(d => JobMapper.ToEvidence(d.Job.Job, d.Job.VaultId) with
                {
                    VmId = vm?.ResourceId ?? ContainerVmOf(d.Job) ?? NamedVmOf(d.Job, protectedItems),
                })
                .OrderByDescending(job => job.StartTime)
                .ToList();
            return new FailedJobs(jobs, problems);
        }

        private async Task<IReadOnlyList<string>> VaultsOfAsync(FailedJobScope scope, VmIdentity? vm, List<ReadProblem> problems, CancellationToken cancellationToken)
        {
            if (scope.IsVault)
            {
                return [scope.ResourceId];
            }

            try
            {
                if (vm == null)
                {
                    var vaults = await _backup.ListVaultsAsync(scope.Id.SubscriptionId, cancellationToken).ConfigureAwait(false);
                    return vaults.Select(v => v.Id).OfType<string>().ToList();
                }

                var protecting = await VaultProtectingAsync(vm, cancellationToken).ConfigureAwait(false);
                if (protecting == null)
                {
                    problems.Add(new ReadProblem(
                        vm.ResourceId,
                        null,
                        null,
                        null,
                        null,
                        $"{vm.Name} is not protected by a Recovery Services vault, so it has no backup jobs to diagnose. Give the vault or the subscription to read the jobs of an earlier protection."));
                    return [];
                }

                return [protecting];
            }
            catch (ArmRequestException exception)
            {
                problems.Add(ReadProblems.Of(scope.ResourceId, null, exception));
                return [];
            }
        }

        /// <summary>The backup status API names the vault; for a VM that is gone (no region to ask in), the vault still holding its protected item.</summary>
        private async Task<string?> VaultProtectingAsync(VmIdentity vm, CancellationToken cancellationToken)
        {
            var model = await _vms.GetWithInstanceViewAsync(vm, cancellationToken).ConfigureAwait(false);
            if (model != null)
            {
                return (await _backup.GetStatusAsync(vm, model.Location.Name, cancellationToken).ConfigureAwait(false)).VaultId;
            }

            var vaults = await _backup.ListVaultsAsync(vm.SubscriptionId, cancellationToken).ConfigureAwait(false);
            var items = await _backup.ListProtectedItemsAsync(vaults, vm.Name, cancellationToken).ConfigureAwait(false);
            return items.FirstOrDefault(entry => BackupSource.IsProtectedItemOf(entry.Item.Properties, vm.ResourceId))?.VaultId;
        }

        private IReadOnlyList<BackupJobFilter> FiltersOf(FailedJobQuery query)
        {
            if (query.JobId != null)
            {
                return [new BackupJobFilter { JobId = query.JobId, Operation = query.Operation }];
            }

            var now = _clock();
            var since = query.Since ?? now - FailedJobQuery.DefaultWindow;
            var until = query.Until ?? now;

            // The service joins terms with "and" only: one list per status.
            return (query.IncludeWarnings ? FailedOrWarnings : Failed)
                .Select(status => new BackupJobFilter { Status = status, Operation = query.Operation, StartTime = since, EndTime = until })
                .ToList();
        }

        private async Task<(IReadOnlyList<JobInVault> Jobs, ReadProblem? Problem)> ListAsync(string vaultId, IReadOnlyList<BackupJobFilter> filters, CancellationToken cancellationToken)
        {
            try
            {
                var lists = await Task.WhenAll(filters.Select(filter => _client.ListJobsAsync(vaultId, filter, cancellationToken))).ConfigureAwait(false);
                return (lists.SelectMany(jobs => jobs).Select(job => new JobInVault(vaultId, job)).ToList(), null);
            }
            catch (ArmRequestException exception)
            {
                return ([], ReadProblems.Of(vaultId, null, exception));
            }
        }

        /// <summary>The job's details (error details with recommendations, container); the listed job when they cannot be read.</summary>
        private async Task<(JobInVault Job, ReadProblem? Problem)> DetailAsync(JobInVault listed, CancellationToken cancellationToken)
        {
            var jobId = listed.Job.Id ?? $"{listed.VaultId}/backupJobs/{listed.Job.Name}";
            try
            {
                return (listed with { Job = await _client.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false) }, null);
            }
            catch (ArmRequestException exception)
            {
                return (listed, ReadProblems.Of(jobId, null, exception));
            }
        }

        private async Task<(IReadOnlyList<ProtectedItemInVault> Items, ReadProblem? Problem)> ListItemsAsync(string vaultId, CancellationToken cancellationToken)
        {
            try
            {
                var items = await _client.ListProtectedItemsAsync(vaultId, friendlyName: null, cancellationToken).ConfigureAwait(false);
                return (items.Select(item => new ProtectedItemInVault(vaultId, item)).ToList(), null);
            }
            catch (ArmRequestException exception)
            {
                return ([], ReadProblems.Of(vaultId, null, exception));
            }
        }

        private static string? ContainerVmOf(JobInVault entry) =>
            VmResourceIds.FromContainerName(entry.Job.Properties?.ContainerName, AzureResourceId.Parse(entry.VaultId).SubscriptionId);

        /// <summary>The VM of the vault's one protected item with the job's friendly name; null when none or several have it.</summary>
        private static string? NamedVmOf(JobInVault entry, IEnumerable<ProtectedItemInVault> items)
        {
            var named = items
                .Where(i => string.Equals(i.VaultId, entry.VaultId, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(i.Item.Properties?.FriendlyName, entry.Job.Properties?.EntityFriendlyName, StringComparison.OrdinalIgnoreCase))
                .Select(i => i.Item.Properties!.VirtualMachineId ?? i.Item.Properties.SourceResourceId)
                .OfType<string>()
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            return named.Count == 1 ? named[0] : null;
        }
    }
}
