using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Azure.Core;
using Azure.ResourceManager.Compute;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>
    /// One run of a bulk scan: lists each subscription's VMs, queues each for the bounded fan-out as soon as it is
    /// listed (the listing waits while every worker is busy), and writes every result to the bounded channel the caller reads (a worker waits while the reader is
    /// behind, so a slow pipeline slows the scan instead of filling memory).
    /// </summary>
    internal sealed class BulkScan
    {
        private readonly ScanSources _sources;
        private readonly BulkCollectionOptions _options;
        private readonly ChannelWriter<BulkScanResult> _results;
        private readonly IProgress<BulkScanProgress>? _progress;
        private readonly CancellationToken _cancellationToken;
        private readonly Channel<QueuedVm> _queue = Channel.CreateBounded<QueuedVm>(1);
        private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.OrdinalIgnoreCase);
        private readonly ScannedVmCollector _vms;
        private readonly DateTimeOffset _now;
        private int _found;
        private int _done;
        private int _problems;

        public BulkScan(ScanSources sources, BulkCollectionOptions options, ChannelWriter<BulkScanResult> results, IProgress<BulkScanProgress>? progress, CancellationToken cancellationToken)
        {
            _sources = sources;
            _options = options;
            _results = results;
            _progress = progress;
            _cancellationToken = cancellationToken;
            _now = options.Clock?.Invoke() ?? DateTimeOffset.UtcNow;
            _vms = new ScannedVmCollector(sources, options.PerVmReads, options.LeanRestorePointCount, new DenyPolicyIndex(sources.Policies, cancellationToken), cancellationToken);
        }

        public Task RunAsync(IReadOnlyList<ScanScope> scopes) =>
            RunEachSubscriptionAsync(scopes
                .GroupBy(scope => scope.SubscriptionId, StringComparer.OrdinalIgnoreCase)
                .Select(subscription => ScanSubscriptionAsync(subscription.Key, subscription.ToArray())));

        /// <summary>The VMs given, each read on its own (a VM ARM does not know is evidence that it is gone), sharing their subscription's lists.</summary>
        public Task RunForVmsAsync(IReadOnlyList<VmIdentity> vms) =>
            RunEachSubscriptionAsync(vms
                .GroupBy(vm => vm.SubscriptionId, StringComparer.OrdinalIgnoreCase)
                .Select(subscription => ScanNamedAsync(subscription.Key, subscription.ToArray())));

        private async Task RunEachSubscriptionAsync(IEnumerable<Task> subscriptions)
        {
            try
            {
                var reading = BoundedFanOut.ForEachAsync(_queue.Reader, Math.Max(1, _options.MaxConcurrentVms), ReadAsync, _cancellationToken);
                try
                {
                    await Task.WhenAll(subscriptions).ConfigureAwait(false);
                }
                finally
                {
                    _queue.Writer.TryComplete();
                }

                await reading.ConfigureAwait(false);
                _results.TryComplete();
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                _results.TryComplete();
            }
#pragma warning disable CA1031 // Whatever broke the scan reaches the reader instead of vanishing with the task.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _results.TryComplete(new InvalidOperationException("The bulk scan failed: " + exception.Message, exception));
            }
        }

        private static VmIdentity IdentityOf(ResourceIdentifier id) =>
            new(id.ToString(), id.SubscriptionId ?? string.Empty, id.ResourceGroupName ?? string.Empty, id.Name);

        private static bool IsStoppedOrDeallocated(VirtualMachineData statuses) =>
            VmModelReader.StatusCode(statuses, "PowerState/") is "deallocated" or "stopped";

        private async Task ScanSubscriptionAsync(string subscriptionId, IReadOnlyList<ScanScope> scopes)
        {
            var whole = scopes.Any(scope => scope.ResourceGroupName == null);
            var effective = whole
                ? [new ScanScope(subscriptionId, null)]
                : scopes.GroupBy(scope => scope.ResourceGroupName!, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToArray();
            var shared = new SharedSubscriptionLists(_sources, subscriptionId, effective, _now, _cancellationToken);
            var running = new List<Task>();
            if (whole)
            {
                await ListSubscriptionAsync(effective[0], shared, running).ConfigureAwait(false);
            }
            else
            {
                foreach (var group in effective)
                {
                    await ListAsync(group, shared, running, _sources.Vms.ListModelsAsync(subscriptionId, group.ResourceGroupName, _cancellationToken), model => new ListedVm(IdentityOf(model.Id), null, null)).ConfigureAwait(false);
                }
            }

            await FinishAsync(shared, running).ConfigureAwait(false);
        }

        private async Task ScanNamedAsync(string subscriptionId, IReadOnlyList<VmIdentity> vms)
        {
            var shared = new SharedSubscriptionLists(_sources, subscriptionId, [new ScanScope(subscriptionId, null)], _now, _cancellationToken);
            var running = new List<Task>();
            foreach (var vm in vms)
            {
                await DispatchAsync(new ListedVm(vm, null, null, Named: true), shared, running).ConfigureAwait(false);
            }

            await FinishAsync(shared, running).ConfigureAwait(false);
        }

        /// <summary>Waits for the subscription's VMs and shared lists, then reports each shared list that failed.</summary>
        private async Task FinishAsync(SharedSubscriptionLists shared, List<Task> running)
        {
            await Task.WhenAll(running).ConfigureAwait(false);
            await shared.Completion.ConfigureAwait(false);
            foreach (var problem in shared.Problems)
            {
                await EmitAsync(BulkScanResult.Of(problem)).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The statusOnly list names every VM with its power state: a VM that runs (or is on its way somewhere) is read
        /// with its instance view at once. Stopped and deallocated VMs wait for the model list, unless they are fewer
        /// than the list's pages, or every VM is to be read.
        /// </summary>
        private async Task ListSubscriptionAsync(ScanScope scope, SharedSubscriptionLists shared, List<Task> running)
        {
            var lean = _options.PerVmReads == PerVmReads.OnlyWhereNeeded;
            var waiting = new Dictionary<string, ListedVm>(StringComparer.OrdinalIgnoreCase);
            var pages = 0;
            try
            {
                await foreach (var page in _sources.Vms.ListStatusPagesAsync(scope.SubscriptionId, _cancellationToken).ConfigureAwait(false))
                {
                    pages++;
                    foreach (var vm in page.Values)
                    {
                        var listed = new ListedVm(IdentityOf(vm.Data.Id), vm.Data, null);
                        if (lean && IsStoppedOrDeallocated(vm.Data))
                        {
                            waiting[listed.Vm.ResourceId] = listed;
                        }
                        else
                        {
                            await DispatchAsync(listed, shared, running).ConfigureAwait(false);
                        }
                    }
                }
            }
            catch (Exception exception) when (GapOnFailure.AsArmError(exception, "GET", scope.Id + "/providers/Microsoft.Compute/virtualMachines") is { } error)
            {
                await EmitAsync(BulkScanResult.Of(ReadProblems.Of(scope.Id, EvidencePart.Vm, error))).ConfigureAwait(false);
            }

            if (waiting.Count > pages)
            {
                await ListAsync(scope, shared, running, _sources.Vms.ListModelsAsync(scope.SubscriptionId, null, _cancellationToken), model =>
                {
                    var id = model.Id.ToString();
                    if (!waiting.TryGetValue(id, out var listed))
                    {
                        return null;
                    }

                    waiting.Remove(id);
                    return listed with { ListModel = model };
                }).ConfigureAwait(false);
            }

            // Too few to be worth the model list, or missing from it: each read on its own.
            foreach (var listed in waiting.Values)
            {
                await DispatchAsync(listed, shared, running).ConfigureAwait(false);
            }
        }

        private async Task ListAsync(ScanScope scope, SharedSubscriptionLists shared, List<Task> running, IAsyncEnumerable<VirtualMachineData> models, Func<VirtualMachineData, ListedVm?> toListed)
        {
            try
            {
                await foreach (var model in models.ConfigureAwait(false))
                {
                    if (toListed(model) is { } listed)
                    {
                        await DispatchAsync(listed, shared, running).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception exception) when (GapOnFailure.AsArmError(exception, "GET", scope.Id + "/providers/Microsoft.Compute/virtualMachines") is { } error)
            {
                await EmitAsync(BulkScanResult.Of(ReadProblems.Of(scope.Id, EvidencePart.Vm, error))).ConfigureAwait(false);
            }
        }

        private async Task DispatchAsync(ListedVm listed, SharedSubscriptionLists shared, List<Task> running)
        {
            if (!_seen.TryAdd(listed.Vm.ResourceId, true))
            {
                return;
            }

            Interlocked.Increment(ref _found);
            Report();
            var queued = new QueuedVm(listed, shared, _cancellationToken);
            running.Add(queued.Read.Task);
            await _queue.Writer.WriteAsync(queued, _cancellationToken).ConfigureAwait(false);
        }

        private async Task ReadAsync(QueuedVm queued, CancellationToken cancellationToken)
        {
            try
            {
                BulkScanResult result;
                try
                {
                    result = await _vms.CollectAsync(queued.Listed, queued.Shared, _now).ConfigureAwait(false);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // One VM that breaks the reading is one problem, never the end of the scan.
                    var vmId = queued.Listed.Vm.ResourceId;
                    var error = GapOnFailure.AsArmError(exception, "GET", vmId);
                    result = BulkScanResult.Of(error != null
                        ? ReadProblems.Of(vmId, EvidencePart.Vm, error)
                        : new ReadProblem(vmId, EvidencePart.Vm, null, exception.GetType().Name, null, exception.Message));
                }

                Interlocked.Increment(ref _done);
                await EmitAsync(result).ConfigureAwait(false);
                queued.Read.TrySetResult(true);
            }
            catch (Exception exception)
            {
                // The subscription waiting for this VM hears why it never came.
                queued.Read.TrySetException(exception);
                throw;
            }
            finally
            {
                queued.Dispose();
            }
        }

        private async Task EmitAsync(BulkScanResult result)
        {
            if (result.Problem != null)
            {
                Interlocked.Increment(ref _problems);
            }

            await _results.WriteAsync(result, _cancellationToken).ConfigureAwait(false);
            Report();
        }

        private void Report() =>
            _progress?.Report(new BulkScanProgress(Volatile.Read(ref _found), Volatile.Read(ref _done), Volatile.Read(ref _problems), _sources.Requests.Count));

        /// <summary>A listed VM waiting for a worker; its subscription waits for <see cref="Read"/> before reporting the shared lists.</summary>
        private sealed class QueuedVm : IDisposable
        {
            private readonly CancellationTokenRegistration _stopped;

            public QueuedVm(ListedVm listed, SharedSubscriptionLists shared, CancellationToken cancellationToken)
            {
                Listed = listed;
                Shared = shared;
                // A VM still queued when the scan stops is never read: its subscription hears so instead of waiting.
                _stopped = cancellationToken.Register(() => Read.TrySetCanceled());
            }

            public ListedVm Listed { get; }

            public SharedSubscriptionLists Shared { get; }

            public TaskCompletionSource<bool> Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public void Dispose() => _stopped.Dispose();
        }
    }
}
