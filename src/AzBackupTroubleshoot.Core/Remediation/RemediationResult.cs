using System;
using System.Collections.Generic;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>What a remediation did (returned by -PassThru), including what went wrong.</summary>
    public sealed class RemediationResult
    {
        public required string VmId { get; init; }

        public required string VmName { get; init; }

        /// <summary>What was attempted, e.g. DeleteCollection, OnDemandBackup, RemoveBackupExtension.</summary>
        public required string Action { get; init; }

        public IReadOnlyList<string> DeletedCollections { get; init; } = [];

        public IReadOnlyList<string> RemovedExtensions { get; init; } = [];

        public IReadOnlyList<string> RemovedLocks { get; init; } = [];

        public IReadOnlyList<string> RestoredLocks { get; init; } = [];

        public IReadOnlyList<LockRestoreFailure> LockRestoreFailures { get; init; } = [];

        /// <summary>
        /// Locks whose DELETE got no clear answer (5xx, dropped connection, timeout, Ctrl+C) but which were found gone
        /// when read back: they count as removed and were put back like the others.
        /// </summary>
        public IReadOnlyList<string> UnansweredLockDeletes { get; init; } = [];

        /// <summary>After the deadline stopped the run: the state each collection not known deleted was read in.</summary>
        public IReadOnlyList<CollectionStatus> CollectionStates { get; init; } = [];

        public string? BackupJobId { get; init; }

        /// <summary>The failure of the main operation, if any (the locks were still put back).</summary>
        public Exception? Error { get; init; }

        public bool Cancelled { get; init; }

        /// <summary>The run was stopped at its deadline (-TimeoutSec); the locks were still put back.</summary>
        public bool TimedOut { get; init; }

        public string? Note { get; init; }

        public bool Succeeded => Error == null && !Cancelled && !TimedOut && LockRestoreFailures.Count == 0;
    }
}
