using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection.Bulk;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>
    /// Reads the evidence of named VMs (each with the two-round single-VM collector, several at once) and of whole
    /// resource groups and subscriptions (with the bulk collector's paged lists), handing each VM on as soon as it is
    /// read. Callbacks and tasks only: the cmdlet assembly calls this from PowerShell's default load context, where
    /// the engine's own async-stream types must not travel.
    /// </summary>
    public static class EvidenceScan
    {
        /// <param name="leanRestorePointCount">In resource group and subscription scans, count restore points only where
        /// the count could explain a failure (see <see cref="BulkCollectionOptions.LeanRestorePointCount"/>).</param>
        /// <returns>How many VMs were read.</returns>
        public static async Task<int> RunAsync(
            AzureSession session,
            IReadOnlyList<AzureResourceId> vms,
            IReadOnlyList<string> scopes,
            bool leanRestorePointCount,
            Action<VmEvidence> onEvidence,
            Action<ReadProblem> onFailure,
            Action<int, int> onProgress,
            CancellationToken cancellationToken)
        {
            var done = 0;
            var found = vms.Count;
            void Done() => onProgress(Interlocked.Increment(ref done), Volatile.Read(ref found));

            var collector = new VmEvidenceCollector(session);
            var single = BoundedFanOut.ForEachAsync(vms, BoundedFanOut.MaxConcurrentVms, async (id, cancellation) =>
            {
                try
                {
                    var identity = new VmIdentity(id.Id, id.SubscriptionId, id.ResourceGroupName!, id.Name!);
                    onEvidence(await collector.CollectAsync(identity, cancellation).ConfigureAwait(false));
                }
                catch (Exception exception) when (GapOnFailure.AsArmError(exception, "GET", id.Id) is { } ex)
                {
                    onFailure(ReadProblems.Of(id.Id, null, ex));
                }
                finally
                {
                    Done();
                }
            }, cancellationToken);

            if (scopes.Count > 0)
            {
                var bulk = new BulkEvidenceCollector(session, new BulkCollectionOptions { LeanRestorePointCount = leanRestorePointCount });
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
                        onFailure(p);
                    }
                }
            }

            await single.ConfigureAwait(false);
            return done;
        }
    }
}
