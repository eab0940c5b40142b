using System.Collections.Generic;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>A cause's status and the facts behind it, in the three languages.</summary>
    public sealed record DiagnosedCauseVerdict(CauseStatus Status, IReadOnlyList<LocalizedText> Evidence)
    {
        public static readonly DiagnosedCauseVerdict NoEvidence = new(CauseStatus.Unknown, []);
    }
}
