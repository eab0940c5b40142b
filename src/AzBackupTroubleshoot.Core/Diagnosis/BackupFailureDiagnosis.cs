using System;
using System.Collections.Generic;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>
    /// Why a workload's backup (or restore, or cancellation) failed: the documented error, its causes ranked by
    /// evidence, and the ordered remedies. Repeated failures of one workload with one error fold into one diagnosis.
    /// </summary>
    public sealed record BackupFailureDiagnosis
    {
        public required DiagnosisStatus Status { get; init; }

        /// <summary>The VM (or other workload) as the job names it.</summary>
        public string? WorkloadName { get; init; }

        public string? VmId { get; init; }

        public string? VaultId { get; init; }

        public string? Operation { get; init; }

        /// <summary>The code as the service gave it (integer or text); for a message-only failure, null.</summary>
        public string? Code { get; init; }

        /// <summary>The textual codes of the knowledge-base entry (e.g. UserErrorVmNotInDesirableState).</summary>
        public IReadOnlyList<string> KnownCodes { get; init; } = [];

        /// <summary>The knowledge-base entry id (checklist row, e.g. B4).</summary>
        public string? KnowledgeId { get; init; }

        public string? Title { get; init; }

        public string? Meaning { get; init; }

        /// <summary>Documented causes, confirmed first, then unknown, then excluded.</summary>
        public IReadOnlyList<DiagnosedCause> Causes { get; init; } = [];

        public IReadOnlyList<DiagnosedRemedy> Remedies { get; init; } = [];

        /// <summary>The documentation article and section.</summary>
        public string? Topic { get; init; }

        public Uri? DocumentationUrl { get; init; }

        public MatchKind? MatchedBy { get; init; }

        /// <summary>How far the match can be trusted; Diagnosed only at or above <see cref="ConfidenceThresholds.Diagnose"/>.</summary>
        public MatchConfidence? Confidence { get; init; }

        /// <summary>For an Unrecognized failure, the documented errors it most resembles, closest first, and why none was taken.</summary>
        public IReadOnlyList<MatchCandidate> Candidates { get; init; } = [];

        /// <summary>Anything the reader should know about how the match was made.</summary>
        public string? Note { get; init; }

        /// <summary>The service's own message and recommendations, as received.</summary>
        public string? ServiceMessage { get; init; }

        public IReadOnlyList<string> ServiceRecommendations { get; init; } = [];

        /// <summary>The most recent job with this failure.</summary>
        public string? JobId { get; init; }

        public IReadOnlyList<string> JobIds { get; init; } = [];

        public int Count { get; init; } = 1;

        public DateTimeOffset? FirstSeen { get; init; }

        public DateTimeOffset? LastSeen { get; init; }

        /// <summary>en-US, zh-CN or zh-TW: the language of the text.</summary>
        public required string Culture { get; init; }

        public override string ToString() => $"{WorkloadName}: {Code ?? KnowledgeId} {Title}";
    }
}
