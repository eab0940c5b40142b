using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Remediation;

namespace AzBackupTroubleshoot.Core.Tests.Remediation
{
    /// <summary>An in-memory Azure: records every call in order and fails where told to.</summary>
    internal sealed class RecordingTarget : IRemediationTarget
    {
        public List<string> Calls { get; } = [];

        /// <summary>The locks that exist, by id, as they are now.</summary>
        public Dictionary<string, LockEvidence> ExistingLocks { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Func<string, Exception?> FailOn { get; set; } = _ => null;

        /// <summary>When set, deleting a collection waits until the token is cancelled.</summary>
        public bool HangOnCollectionDelete { get; set; }

        /// <summary>When set, a lock DELETE removes the lock and then loses its answer with this failure.</summary>
        public Exception? LoseLockDeleteAnswer { get; set; }

        public CollectionState CollectionStateAfterStop { get; set; } = CollectionState.Deleting;

        public RecordingTarget(params LockEvidence[] existing)
        {
            foreach (var l in existing)
            {
                ExistingLocks[l.ResourceId] = l;
            }
        }

        public async Task<LockEvidence?> ReadLockAsync(LockEvidence l, CancellationToken ct)
        {
            await Record("read-lock " + l.Name, () => { }).ConfigureAwait(false);
            return ExistingLocks.TryGetValue(l.ResourceId, out var current) ? current : null;
        }

        public async Task DeleteLockAsync(LockEvidence l, CancellationToken ct)
        {
            await Record("delete-lock " + l.Name, () => ExistingLocks.Remove(l.ResourceId)).ConfigureAwait(false);
            if (LoseLockDeleteAnswer != null)
            {
                throw new UnansweredLockDeleteException("no answer", LoseLockDeleteAnswer);
            }
        }

        public Task CreateLockAsync(LockEvidence l, CancellationToken ct) => Record("create-lock " + l.Name, () => ExistingLocks[l.ResourceId] = l);

        public async Task DeleteRestorePointCollectionAsync(string id, CancellationToken ct)
        {
            await Record("delete-collection " + Last(id), () => { }).ConfigureAwait(false);
            if (HangOnCollectionDelete)
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
        }

        public async Task<CollectionStatus> ReadRestorePointCollectionAsync(string id, CancellationToken ct)
        {
            await Record("read-collection " + Last(id), () => { }).ConfigureAwait(false);
            return new CollectionStatus(id, CollectionStateAfterStop, null);
        }

        public Task DeleteExtensionAsync(string vmId, string name, CancellationToken ct) => Record("delete-extension " + name, () => { });

        public async Task<string?> TriggerBackupAsync(VmEvidence vm, CancellationToken ct)
        {
            await Record("backup " + vm.Vm.Name, () => { }).ConfigureAwait(false);
            return "job-1";
        }

        private static string Last(string id) => id.Substring(id.LastIndexOf('/') + 1);

        private Task Record(string call, Action apply)
        {
            Calls.Add(call);
            var failure = FailOn(call);
            if (failure != null)
            {
                return Task.FromException(failure);
            }

            apply();
            return Task.CompletedTask;
        }
    }
}
