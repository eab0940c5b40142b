using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>
    /// Runs remediation plans against Azure. Every lock it lifts is put back exactly as recorded, whatever happens
    /// in between — a failed or throttled delete, a timeout, or the user pressing Ctrl+C.
    /// </summary>
    public sealed class RemediationExecutor
    {
        private readonly IRemediationTarget _target;
        private readonly TimeSpan _lockRestoreTimeout;
        private readonly Action<string> _log;

        /// <param name="target">The Azure writes.</param>
        /// <param name="lockRestoreTimeout">How long putting one lock back may take; it runs even after cancellation.</param>
        /// <param name="log">Receives one line per step (verbose output).</param>
        public RemediationExecutor(IRemediationTarget target, TimeSpan lockRestoreTimeout, Action<string>? log = null)
        {
            _target = target;
            _lockRestoreTimeout = lockRestoreTimeout;
            _log = log ?? (_ => { });
        }

        /// <exception cref="InvalidOperationException">The plan is blocked by locks that may not be removed.</exception>
        public async Task<RemediationResult> CleanUpAsync(RestorePointCleanupPlan plan, VmEvidence vm, CancellationToken cancellationToken)
        {
            if (plan.IsBlocked)
            {
                throw new InvalidOperationException("The plan is blocked by locks; run it with lock removal allowed.");
            }

            var deleted = new List<string>();
            string? jobId = null;
            var outcome = await WithLocksLiftedAsync(plan.Locks, async ct =>
            {
                if (plan.Method == CleanupMethod.OnDemandBackup)
                {
                    _log($"Triggering an on-demand backup of {vm.Vm.Name}");
                    jobId = await _target.TriggerBackupAsync(vm, ct).ConfigureAwait(false);
                    return;
                }

                foreach (var collection in plan.Collections)
                {
                    _log($"Deleting restore point collection {collection.ResourceId}");
                    await _target.DeleteRestorePointCollectionAsync(collection.ResourceId, ct).ConfigureAwait(false);
                    deleted.Add(collection.ResourceId);
                }
            }, cancellationToken).ConfigureAwait(false);

            return new RemediationResult
            {
                VmId = vm.Vm.ResourceId,
                VmName = vm.Vm.Name,
                Action = plan.Method.ToString(),
                DeletedCollections = deleted,
                RemovedLocks = outcome.Removed.Select(l => l.ResourceId).ToList(),
                RestoredLocks = outcome.Restored.Select(l => l.ResourceId).ToList(),
                LockRestoreFailures = outcome.Failures,
                BackupJobId = jobId,
                Error = outcome.Error,
                Cancelled = outcome.Cancelled,
                Note = plan.Method == CleanupMethod.OnDemandBackup && outcome.Error == null
                    ? "The service cleans up the restore point collection within hours of the backup; the backup itself may fail first."
                    : null,
            };
        }

        /// <summary>Removes the VM's backup extension (and optionally starts a backup, which reinstalls it).</summary>
        public async Task<RemediationResult> RepairExtensionAsync(BackupExtensionRepairPlan plan, VmEvidence vm, bool triggerBackup, CancellationToken cancellationToken)
        {
            if (plan.RefusalReason != null)
            {
                throw new InvalidOperationException(plan.RefusalReason);
            }

            var removed = new List<string>();
            string? jobId = null;
            Exception? error = null;
            var cancelled = false;
            try
            {
                foreach (var extension in plan.Extensions)
                {
                    _log($"Removing extension {extension.Name} ({extension.Type}) from {vm.Vm.Name}");
                    await _target.DeleteExtensionAsync(vm.Vm.ResourceId, extension.Name, cancellationToken).ConfigureAwait(false);
                    removed.Add(extension.Name);
                }

                if (triggerBackup)
                {
                    _log($"Triggering an on-demand backup of {vm.Vm.Name}");
                    jobId = await _target.TriggerBackupAsync(vm, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                error = ex;
            }

            return new RemediationResult
            {
                VmId = vm.Vm.ResourceId,
                VmName = vm.Vm.Name,
                Action = "RemoveBackupExtension",
                RemovedExtensions = removed,
                BackupJobId = jobId,
                Error = error,
                Cancelled = cancelled,
                Note = triggerBackup ? null : "The next scheduled or on-demand backup reinstalls the extension.",
            };
        }

        private async Task<LockOutcome> WithLocksLiftedAsync(IReadOnlyList<LockEvidence> locks, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
        {
            var outcome = new LockOutcome();
            try
            {
                foreach (var l in locks)
                {
                    _log($"Removing lock {l}");
                    await _target.DeleteLockAsync(l, cancellationToken).ConfigureAwait(false);
                    outcome.Removed.Add(l);
                }

                await work(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                outcome.Cancelled = true;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                outcome.Error = ex;
            }
            finally
            {
                // Not cancellable by the caller: a lock left off is worse than a late return.
                foreach (var l in outcome.Removed)
                {
                    using var timeout = new CancellationTokenSource(_lockRestoreTimeout);
                    try
                    {
                        _log($"Re-creating lock {l}");
                        await _target.CreateLockAsync(l, timeout.Token).ConfigureAwait(false);
                        outcome.Restored.Add(l);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        outcome.Failures.Add(new LockRestoreFailure(l, ex));
                    }
                }
            }

            return outcome;
        }

        private sealed class LockOutcome
        {
            public List<LockEvidence> Removed { get; } = [];
            public List<LockEvidence> Restored { get; } = [];
            public List<LockRestoreFailure> Failures { get; } = [];
            public Exception? Error { get; set; }
            public bool Cancelled { get; set; }
        }
    }
}
