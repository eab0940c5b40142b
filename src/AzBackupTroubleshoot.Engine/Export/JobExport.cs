using System.Collections.Generic;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Export
{
    /// <summary>What a job export holds: the jobs that could be read, and a problem for each job that could not.</summary>
    public sealed record JobExport(IReadOnlyList<JobEvidence> Jobs, IReadOnlyList<JobExportFormatException> InvalidJobs);
}
