using System.Collections.Generic;

namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>One error of a job: a code as received (integer or text), the English message and the service's recommendations.</summary>
    public sealed record JobError(string? Code, string? Message, IReadOnlyList<string> Recommendations);
}
