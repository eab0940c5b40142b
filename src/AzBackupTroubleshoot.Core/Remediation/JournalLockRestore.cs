using System;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>One lock of a journal and what restoring it did (the output of Restore-AzBackupLock).</summary>
    public sealed class JournalLockRestore
    {
        public JournalLockRestore(string? journalPath, LockEvidence recorded, JournalLockOutcome outcome, LockEvidence? current = null, Exception? error = null)
        {
            JournalPath = journalPath;
            Lock = recorded;
            Outcome = outcome;
            Current = current;
            Error = error;
        }

        public string? JournalPath { get; }

        /// <summary>The lock as the journal recorded it.</summary>
        public LockEvidence Lock { get; }

        public string LockId => Lock.ResourceId;

        public JournalLockOutcome Outcome { get; }

        /// <summary>The lock as it is now, when it exists and differs from the record.</summary>
        public LockEvidence? Current { get; }

        public Exception? Error { get; }
    }
}
