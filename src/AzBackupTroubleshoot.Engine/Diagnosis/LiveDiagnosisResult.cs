using System.Collections.Generic;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Diagnosis
{
    /// <summary>The diagnoses of a scope's failed jobs, the jobs and VM evidence they were judged on, and what could not be read.</summary>
    public sealed record LiveDiagnosisResult(
        IReadOnlyList<BackupFailureDiagnosis> Diagnoses,
        IReadOnlyList<JobEvidence> Jobs,
        IReadOnlyList<VmEvidence> Evidence,
        IReadOnlyList<ReadProblem> Problems);
}
