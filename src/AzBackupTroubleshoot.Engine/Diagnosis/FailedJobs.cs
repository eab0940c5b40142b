using System.Collections.Generic;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Diagnosis
{
    /// <summary>The failed jobs of a scope with their details, and what could not be read.</summary>
    public sealed record FailedJobs(IReadOnlyList<JobEvidence> Jobs, IReadOnlyList<ReadProblem> Problems);
}
