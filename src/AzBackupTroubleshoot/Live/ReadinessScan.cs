using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Collection.Bulk;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Resources;

namespace AzBackupTroubleshoot.Live
{
    /// <summary>
    /// Reads the evidence of named VMs (each with the two-round single-VM collector, several at once) and of whole
    /// resource groups and subscriptions (with the bulk collector's paged lists), handing each VM on as soon as it is read.
    /// </summary>
    internal static class ReadinessScan
    {
        private const int ParallelVms = 8;

        public static async Task<int> RunAsync(
            ConnectionSettings settings,
            IReadOnlyList<AzureResourceId> vms,
            IReadOnlyList<string> scopes,
            Action<VmEvidence> onEvidence,
            Action<ScanFailure> onFailure,
            Action<int, int> onProgress,
            CancellationToken cancellationToken)
        {
            using var session = await SessionFactory.ConnectAsync(settings, cancellationToken).ConfigureAwait(false);
            var done = 0;
            var found = vms.Count;
            void Done()
            {
                onProgress(Interlocked.Increment(ref done), Volatile.Read(ref found));
            }

            var collector = new VmEvidenceCollector(session);
            using var gate = new SemaphoreSlim(ParallelVms);
            var single = vms.Select(async id =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var identity = new VmIdentity(id.Id, id.SubscriptionId, id.ResourceGroupName!, id.Name!);
                    onEvidence(await collector.CollectAsync(identity, cancellationToken).ConfigureAwait(false));
                }
                catch (ArmRequestException ex)
                {
                    onFailure(new ScanFailure(id.Id, ex.Message, ex.Status, ex.ErrorCode, ex.RefusedAction));
                }
                finally
                {
                    gate.Release();
                    Done();
                }
            }).ToList();

            if (scopes.Count > 0)
            {
                var bulk = new BulkEvidenceCollector(session);
                var progress = new Progress<BulkScanProgress>(p => Volatile.Write(ref found, vms.Count + p.VmsFound));
                await foreach (var result in bulk.CollectAsync(scopes, progress, cancellationToken).ConfigureAwait(false))
                {
                    if (result.Evidence != null)
                    {
                        onEvidence(result.Evidence);
                        Done();
                    }
                    else if (result.Problem is { } p)
                    {
                        onFailure(new ScanFailure(p.ResourceId, p.Message, p.HttpStatus, p.ErrorCode, p.RefusedAction));
                    }
                }
            }

            await Task.WhenAll(single).ConfigureAwait(false);
            return done;
        }
    }
}
