using System.Collections.Generic;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>A cause's status and the facts behind it.</summary>
    public sealed record DiagnosedCauseVerdict(CauseStatus Status, IReadOnlyList<string> Evidence)
    {
        public static readonly DiagnosedCauseVerdict NoEvidence = new(CauseStatus.Unknown, []);
    }
}
