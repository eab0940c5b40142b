using System;
using System.Collections.Generic;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>
    /// What a run wrote down before lifting locks: the locks exactly as they were and what was about to be deleted. If
    /// the process dies (SIGKILL, power loss) before the locks are back, Restore-AzBackupLock puts them back from it.
    /// </summary>
    public sealed record LockJournalEntry
    {
        /// <summary>The file it is kept in; null until written.</summary>
        public string? Path { get; init; }

        /// <summary>When it was written; null until written.</summary>
        public DateTimeOffset? RecordedAt { get; init; }

        /// <summary>The VM the run worked on.</summary>
        public required string VmId { get; init; }

        /// <summary>What the run was doing, e.g. DeleteCollection or OnDemandBackup.</summary>
        public required string Action { get; init; }

        /// <summary>The resources the run was about to delete.</summary>
        public IReadOnlyList<string> Deleting { get; init; } = [];

        /// <summary>The locks about to be lifted, exactly as they were read.</summary>
        public required IReadOnlyList<LockEvidence> Locks { get; init; }
    }
}
