using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Commands;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Engine.Diagnosis;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Live
{
    /// <summary>Diagnoses the failed jobs of vaults, VMs or subscriptions over one session; returns Core diagnoses and what could not be read.</summary>
    internal static class LiveDiagnosisRunner
    {
        /// <param name="settings">How to reach Azure.</param>
        /// <param name="scopeIds">Subscription (/subscriptions/{id}), vault or VM resource ids.</param>
        /// <param name="since">Oldest job start to read; null for the default window (7 days).</param>
        /// <param name="operation">Only jobs of this operation (Backup, Restore …); null for all.</param>
        /// <param name="jobId">Only this job; null for all.</param>
        /// <param name="culture">The language of the diagnoses.</param>
        /// <param name="cancellationToken">Ctrl+C.</param>
        public static async Task<(IReadOnlyList<BackupFailureDiagnosis> Diagnoses, IReadOnlyList<ErrorRecord> Problems)> DiagnoseAsync(
            ConnectionOptions settings,
            IReadOnlyList<string> scopeIds,
            DateTimeOffset? since,
            string? operation,
            string? jobId,
            SupportedCulture culture,
            CancellationToken cancellationToken)
        {
            using var session = await AzureSession.ConnectAsync(settings, cancellationToken).ConfigureAwait(false);
            var diagnosis = new LiveDiagnosis(session, KnowledgeBase.Default, culture);
            var query = new FailedJobQuery { Since = since, Operation = operation, JobId = jobId };
            var diagnoses = new List<BackupFailureDiagnosis>();
            var problems = new List<ErrorRecord>();
            foreach (var scopeId in scopeIds)
            {
                var result = await diagnosis.DiagnoseAsync(FailedJobScope.Of(scopeId), query, cancellationToken).ConfigureAwait(false);
                diagnoses.AddRange(result.Diagnoses);
                problems.AddRange(result.Problems.Select(ErrorRecords.Of));
            }

            return (diagnoses, problems);
        }
    }
}
