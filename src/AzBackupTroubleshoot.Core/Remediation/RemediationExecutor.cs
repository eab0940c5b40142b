using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>
    /// Runs remediation plans against Azure. Every lock it lifts is put back exactly as recorded, whatever happens
    /// in between — a failed or throttled delete, a DELETE whose answer was lost, the deadline, or the user pressing
    /// Ctrl+C. Before the first lock is lifted, the locks are written to the journal, so a run that dies leaves a record.
    /// </summary>
    public sealed class RemediationExecutor
    {
        private readonly IRemediationTarget _target;
        private readonly TimeSpan _lockRestoreTimeout;
        private readonly Action<string> _log;

        /// <param name="target">The Azure writes.</param>
        /// <param name="lockRestoreTimeout">How long putting one lock back (or reading one back) may take; it runs even after cancellation.</param>
        /// <param name="log">Receives one line per step (verbose output).</param>
        public RemediationExecutor(IRemediationTarget target, TimeSpan lockRestoreTimeout, Action<string>? log = null)
        {
            _target = target;
            _lockRestoreTimeout = lockRestoreTimeout;
            _log = log ?? (_ => { });
        }

        /// <summary>How long a run may take before it is stopped and its locks put back; no deadline when null.</summary>
        public TimeSpan? Timeout { get; init; }

        /// <summary>Where the locks are written down before they are lifted; nowhere when null.</summary>
        public ILockJournal? Journal { get; init; }

        /// <exception cref="InvalidOperationException">The plan is blocked by locks that may not be removed.</exception>
        public async Task<RemediationResult> CleanUpAsync(RestorePointCleanupPlan plan, VmEvidence vm, CancellationToken cancellationToken)
        {
            if (plan.IsBlocked)
            {
                throw new InvalidOperationException("The plan is blocked by locks; run it with lock removal allowed.");
            }

            if (plan.RefusesSubscriptionLocks)
            {
                throw new InvalidOperationException("The plan needs a subscription lock lifted; run it with subscription lock removal allowed.");
            }

            var deleted = new List<string>();
            string? jobId = null;
            var entry = new LockJournalEntry
            {
                VmId = vm.Vm.ResourceId,
                Action = plan.Method.ToString(),
                Deleting = plan.Method == CleanupMethod.DeleteCollection ? plan.Collections.Select(c => c.ResourceId).ToList() : [],
                Locks = plan.Locks,
            };
            var outcome = await WithLocksLiftedAsync(entry, async ct =>
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

            // A run stopped at its deadline leaves the user wondering what became of each collection: read it once the locks are back.
            var states = outcome.TimedOut && plan.Method == CleanupMethod.DeleteCollection
                ? await ReadStatesAsync(plan.Collections.Select(c => c.ResourceId).Except(deleted, StringComparer.OrdinalIgnoreCase)).ConfigureAwait(false)
                : [];

            return new RemediationResult
            {
                VmId = vm.Vm.ResourceId,
                VmName = vm.Vm.Name,
                Action = plan.Method.ToString(),
                DeletedCollections = deleted,
                RemovedLocks = outcome.Removed.Select(l => l.ResourceId).ToList(),
                RestoredLocks = outcome.Restored.Select(l => l.ResourceId).ToList(),
                LockRestoreFailures = outcome.Failures,
                UnansweredLockDeletes = outcome.Unanswered.Select(l => l.ResourceId).ToList(),
                CollectionStates = states,
                BackupJobId = jobId,
                Error = outcome.Error,
                Cancelled = outcome.Cancelled,
                TimedOut = outcome.TimedOut,
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
            var outcome = new LockOutcome();
            using var run = new RunDeadline(cancellationToken, Timeout);
            try
            {
                foreach (var extension in plan.Extensions)
                {
                    _log($"Removing extension {extension.Name} ({extension.Type}) from {vm.Vm.Name}");
                    await _target.DeleteExtensionAsync(vm.Vm.ResourceId, extension.Name, run.Token).ConfigureAwait(false);
                    removed.Add(extension.Name);
                }

                if (triggerBackup)
                {
                    _log($"Triggering an on-demand backup of {vm.Vm.Name}");
                    jobId = await _target.TriggerBackupAsync(vm, run.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
            {
                Stopped(outcome, run);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                outcome.Error = ex;
            }

            return new RemediationResult
            {
                VmId = vm.Vm.ResourceId,
                VmName = vm.Vm.Name,
                Action = "RemoveBackupExtension",
                RemovedExtensions = removed,
                BackupJobId = jobId,
                Error = outcome.Error,
                Cancelled = outcome.Cancelled,
                TimedOut = outcome.TimedOut,
                Note = triggerBackup ? null : "The next scheduled or on-demand backup reinstalls the extension.",
            };
        }

        private async Task<LockOutcome> WithLocksLiftedAsync(LockJournalEntry entry, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
        {
            var outcome = new LockOutcome();
            LockJournalEntry? written = null;
            using var run = new RunDeadline(cancellationToken, Timeout);
            try
            {
                if (entry.Locks.Count > 0 && Journal != null)
                {
                    written = Journal.Write(entry);
                    _log($"Recorded the locks to lift in {written.Path}");
                }

                foreach (var l in entry.Locks)
                {
                    _log($"Removing lock {l}");
                    await LiftAsync(l, outcome, run.Token).ConfigureAwait(false);
                }

                await work(run.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (run.Token.IsCancellationRequested)
            {
                Stopped(outcome, run);
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

                if (written != null && outcome.Failures.Count == 0)
                {
                    Complete(written);
                }
            }

            return outcome;
        }

        /// <summary>
        /// Removes one lock. A DELETE without a clear answer may have removed it: the lock is read back and, when it
        /// is gone (or cannot be read), counted as lifted so it is put back with the others; a PUT of the recorded
        /// lock is harmless if it was still there after all.
        /// </summary>
        private async Task LiftAsync(LockEvidence l, LockOutcome outcome, CancellationToken cancellationToken)
        {
            try
            {
                await _target.DeleteLockAsync(l, cancellationToken).ConfigureAwait(false);
                outcome.Removed.Add(l);
            }
            catch (UnansweredLockDeleteException unanswered)
            {
                var cause = unanswered.InnerException!;
                if (!await IsStillThereAsync(l).ConfigureAwait(false))
                {
                    _log($"The DELETE of lock {l} got no clear answer ({cause.Message}), and the lock is gone: it counts as lifted and is put back with the others");
                    outcome.Removed.Add(l);
                    outcome.Unanswered.Add(l);
                    if (!(cause is OperationCanceledException && cancellationToken.IsCancellationRequested))
                    {
                        return;
                    }
                }

                ExceptionDispatchInfo.Capture(cause).Throw();
            }
        }

        private async Task<bool> IsStillThereAsync(LockEvidence l)
        {
            using var timeout = new CancellationTokenSource(_lockRestoreTimeout);
            try
            {
                return await _target.ReadLockAsync(l, timeout.Token).ConfigureAwait(false) != null;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _log($"Lock {l} could not be read back ({ex.Message})");
                return false;
            }
        }

        private async Task<IReadOnlyList<CollectionStatus>> ReadStatesAsync(IEnumerable<string> collectionIds)
        {
            var states = new List<CollectionStatus>();
            foreach (var id in collectionIds)
            {
                using var timeout = new CancellationTokenSource(_lockRestoreTimeout);
                try
                {
                    states.Add(await _target.ReadRestorePointCollectionAsync(id, timeout.Token).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    states.Add(new CollectionStatus(id, CollectionState.Unknown, ex.Message));
                }
            }

            return states;
        }

        private void Complete(LockJournalEntry written)
        {
            try
            {
                Journal!.Complete(written);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Every lock is back; a journal left behind only makes the next run warn about locks that are in place.
                _log($"The journal {written.Path} could not be removed ({ex.Message})");
            }
        }

        private void Stopped(LockOutcome outcome, RunDeadline run)
        {
            if (run.Expired)
            {
                outcome.TimedOut = true;
                outcome.Error = new TimeoutException($"The run did not finish within {Timeout!.Value.TotalSeconds:0} seconds (-TimeoutSec); it was stopped.");
            }
            else
            {
                outcome.Cancelled = true;
            }
        }

        private sealed class LockOutcome
        {
            public List<LockEvidence> Removed { get; } = [];
            public List<LockEvidence> Restored { get; } = [];
            public List<LockEvidence> Unanswered { get; } = [];
            public List<LockRestoreFailure> Failures { get; } = [];
            public Exception? Error { get; set; }
            public bool Cancelled { get; set; }
            public bool TimedOut { get; set; }
        }
    }
}
