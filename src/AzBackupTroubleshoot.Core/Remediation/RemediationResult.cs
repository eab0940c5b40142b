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

        public string? BackupJobId { get; init; }

        /// <summary>The failure of the main operation, if any (the locks were still put back).</summary>
        public Exception? Error { get; init; }

        public bool Cancelled { get; init; }

        public string? Note { get; init; }

        public bool Succeeded => Error == null && !Cancelled && LockRestoreFailures.Count == 0;
    }
}
