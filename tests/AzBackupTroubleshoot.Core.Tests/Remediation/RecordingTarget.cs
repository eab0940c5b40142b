using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Remediation;

namespace AzBackupTroubleshoot.Core.Tests.Remediation
{
    /// <summary>An in-memory Azure: records every write in order and fails where told to.</summary>
    internal sealed class RecordingTarget : IRemediationTarget
    {
        public List<string> Calls { get; } = [];
        public HashSet<string> ExistingLocks { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Func<string, Exception?> FailOn { get; set; } = _ => null;

        /// <summary>When set, deleting a collection waits until the token is cancelled.</summary>
        public bool HangOnCollectionDelete { get; set; }

        public Task DeleteLockAsync(LockEvidence l, CancellationToken ct) => Record("delete-lock " + l.Name, () => ExistingLocks.Remove(l.ResourceId));

        public Task CreateLockAsync(LockEvidence l, CancellationToken ct) => Record("create-lock " + l.Name, () => ExistingLocks.Add(l.ResourceId));

        public async Task DeleteRestorePointCollectionAsync(string id, CancellationToken ct)
        {
            await Record("delete-collection " + id.Substring(id.LastIndexOf('/') + 1), () => { }).ConfigureAwait(false);
            if (HangOnCollectionDelete)
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
        }

        public Task DeleteExtensionAsync(string vmId, string name, CancellationToken ct) => Record("delete-extension " + name, () => { });

        public async Task<string?> TriggerBackupAsync(VmEvidence vm, CancellationToken ct)
        {
            await Record("backup " + vm.Vm.Name, () => { }).ConfigureAwait(false);
            return "job-1";
        }

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
