using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>
    /// Puts back the locks a run wrote to the journal and did not get to restore (the process was killed, the machine
    /// lost power). A missing lock is re-created exactly as recorded; one in place as recorded is left untouched; one
    /// that differs was set by someone since and is left alone. The entry is completed once every lock is in place.
    /// </summary>
    public sealed class LockJournalRestorer
    {
        private readonly IRemediationTarget _target;
        private readonly ILockJournal _journal;

        public LockJournalRestorer(IRemediationTarget target, ILockJournal journal)
        {
            _target = target;
            _journal = journal;
        }

        /// <param name="entry">The journal entry.</param>
        /// <param name="confirm">Asked before each lock is re-created (-WhatIf, -Confirm); false leaves it missing.</param>
        /// <param name="cancellationToken">Ctrl+C.</param>
        public async Task<IReadOnlyList<JournalLockRestore>> RestoreAsync(LockJournalEntry entry, Func<LockEvidence, Task<bool>> confirm, CancellationToken cancellationToken)
        {
            if (entry == null)
            {
                throw new ArgumentNullException(nameof(entry));
            }

            var outcomes = new List<JournalLockRestore>();
            foreach (var recorded in entry.Locks)
            {
                outcomes.Add(await RestoreAsync(entry.Path, recorded, confirm, cancellationToken).ConfigureAwait(false));
            }

            if (outcomes.All(o => o.Outcome is JournalLockOutcome.Restored or JournalLockOutcome.AlreadyInPlace))
            {
                _journal.Complete(entry);
            }

            return outcomes;
        }

        private async Task<JournalLockRestore> RestoreAsync(string? path, LockEvidence recorded, Func<LockEvidence, Task<bool>> confirm, CancellationToken cancellationToken)
        {
            try
            {
                var current = await _target.ReadLockAsync(recorded, cancellationToken).ConfigureAwait(false);
                if (current != null)
                {
                    return current.IsSameLockAs(recorded)
                        ? new JournalLockRestore(path, recorded, JournalLockOutcome.AlreadyInPlace)
                        : new JournalLockRestore(path, recorded, JournalLockOutcome.ChangedSince, current);
                }

                if (!await confirm(recorded).ConfigureAwait(false))
                {
                    return new JournalLockRestore(path, recorded, JournalLockOutcome.NotRestored);
                }

                await _target.CreateLockAsync(recorded, cancellationToken).ConfigureAwait(false);
                return new JournalLockRestore(path, recorded, JournalLockOutcome.Restored);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                return new JournalLockRestore(path, recorded, JournalLockOutcome.Failed, error: ex);
            }
        }
    }
}
