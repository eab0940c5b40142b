using System;
using System.Collections.Generic;

namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>
    /// Everything a readiness check or a live diagnosis read, kept so it can be judged again elsewhere, offline: each
    /// VM's evidence (with its gaps), what could not be read, and for a diagnosis the failed jobs. Rules take "now" from
    /// each <see cref="VmEvidence.CollectedAt"/>, so a snapshot judges the same whenever it is judged.
    /// </summary>
    public sealed record EvidenceSnapshot
    {
        /// <summary>The schema this module writes and reads.</summary>
        public const int CurrentSchemaVersion = 1;

        public int SchemaVersion { get; init; } = CurrentSchemaVersion;

        /// <summary>When the reads started.</summary>
        public DateTimeOffset CapturedAt { get; init; }

        /// <summary>Names and ids were replaced by placeholders (vm-001, rg-001 …); the judgement holds, the names do not.</summary>
        public bool Redacted { get; init; }

        public IReadOnlyList<VmEvidence> Vms { get; init; } = [];

        /// <summary>The failed jobs a diagnosis read; null for a readiness snapshot.</summary>
        public IReadOnlyList<JobEvidence>? FailedJobs { get; init; }

        /// <summary>What could not be read, as the live run reported it.</summary>
        public IReadOnlyList<ReadProblem> Problems { get; init; } = [];
    }
}
