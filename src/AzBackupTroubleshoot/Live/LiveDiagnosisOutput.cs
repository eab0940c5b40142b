using System.Collections.Generic;
using System.Management.Automation;
using AzBackupTroubleshoot.Diagnosis;

namespace AzBackupTroubleshoot.Live
{
    /// <summary>What a live diagnosis gives the cmdlet: the diagnoses, and an error for each thing that could not be read.</summary>
    internal sealed record LiveDiagnosisOutput(IReadOnlyList<BackupFailureDiagnosis> Diagnoses, IReadOnlyList<ErrorRecord> Problems);
}
