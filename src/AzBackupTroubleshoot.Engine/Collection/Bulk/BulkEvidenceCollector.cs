using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>
    /// Collects the evidence of every VM of one or more subscriptions or resource groups in a handful of paged lists
    /// (VM statuses and models, locks, restore point collections, vaults, each vault's protected items and jobs, policy
    /// assignments) plus the per-VM reads no list can replace (see <see cref="PerVmReads"/>). Each VM's evidence is
    /// streamed as soon as it is assembled; a subscription, resource group, vault or VM that cannot be read becomes a
    /// <see cref="ReadProblem"/> and the scan goes on. Requests are paced by the session's read budget.
    /// </summary>
    public sealed class BulkEvidenceCollector
    {
        private readonly AzureSession _session;
        private readonly BulkCollectionOptions _options;

        public BulkEvidenceCollector(AzureSession session, BulkCollectionOptions? options = null)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
            _options = options ?? new BulkCollectionOptions();
        }

        /// <summary>
        /// Scans <paramref name="scopes"/>: subscription ids, or subscription and resource group resource ids. A VM in
        /// two scopes is read once. <paramref name="progress"/> hears of every VM listed and every result.
        /// </summary>
        public async IAsyncEnumerable<BulkScanResult> CollectAsync(
            IEnumerable<string> scopes,
            IProgress<BulkScanProgress>? progress = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (scopes == null)
            {
                throw new ArgumentNullException(nameof(scopes));
            }

            var parsed = scopes.Select(ScanScope.Parse).ToArray();
            await foreach (var result in RunAsync(scan => scan.RunAsync(parsed), progress, cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }
        }

        /// <summary>
        /// Collects the evidence of the VMs given (say, those a diagnosis found failing): each VM's own reads, with the
        /// lists of its subscription read once for all of them. A VM that ARM does not know gives evidence that it does
        /// not exist, as <see cref="VmEvidenceCollector"/> does.
        /// </summary>
        public async IAsyncEnumerable<BulkScanResult> CollectVmsAsync(
            IEnumerable<VmIdentity> vms,
            IProgress<BulkScanProgress>? progress = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            if (vms == null)
            {
                throw new ArgumentNullException(nameof(vms));
            }

            var distinct = vms.GroupBy(vm => vm.ResourceId, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToArray();
            await foreach (var result in RunAsync(scan => scan.RunForVmsAsync(distinct), progress, cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }
        }

        private async IAsyncEnumerable<BulkScanResult> RunAsync(
            Func<BulkScan, Task> run,
            IProgress<BulkScanProgress>? progress,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var results = Channel.CreateBounded<BulkScanResult>(new BoundedChannelOptions(Math.Max(1, _options.MaxConcurrentVms) * 2) { SingleReader = true });
            var scan = new BulkScan(new ScanSources(_session), _options, results.Writer, progress, stop.Token);
            var producer = Task.Run(() => run(scan), stop.Token);
            try
            {
                // Not ReadAllAsync: on PowerShell 7 the runtime's own channels answer, and their IAsyncEnumerable is not
                // the one this netstandard2.0 assembly was built against.
                while (await results.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
                {
                    while (results.Reader.TryRead(out var result))
                    {
                        yield return result;
                    }
                }
            }
            finally
            {
                // The reader may stop early: the scan stops with it.
                stop.Cancel();
                await producer.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }
}
