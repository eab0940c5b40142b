using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
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
                problems.AddRange(result.Problems.Select(ErrorOf));
            }

            return (diagnoses, problems);
        }

        // A refusal names the permission to ask for, throttling past the wait cap says so; anything else unread leaves causes unknown but is not fatal.
        private static ErrorRecord ErrorOf(DiagnosisProblem problem) => problem.HttpStatus switch
        {
            403 => new ErrorRecord(new UnauthorizedAccessException($"{problem.Message} (missing permission: {problem.RefusedAction})"), "DiagnosisEvidenceRefused", ErrorCategory.PermissionDenied, problem.TargetId),
            429 => new ErrorRecord(new InvalidOperationException(problem.Message), "DiagnosisEvidenceThrottled", ErrorCategory.LimitsExceeded, problem.TargetId),
            _ => new ErrorRecord(new InvalidOperationException(problem.Message), "DiagnosisEvidenceUnreadable", ErrorCategory.ReadError, problem.TargetId),
        };
    }
}
