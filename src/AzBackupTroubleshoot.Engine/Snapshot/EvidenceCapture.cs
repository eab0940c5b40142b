using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Diagnosis;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Identifiers;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Engine.Snapshot
{
    /// <summary>
    /// Reads a snapshot with exactly the reads of the live cmdlets: <see cref="EvidenceScan"/> as
    /// Test-AzVmBackupReadiness does, <see cref="LiveDiagnosis"/> as Get-AzBackupFailureDiagnosis does; nothing more.
    /// </summary>
    public static class EvidenceCapture
    {
        public static async Task<EvidenceSnapshot> ReadinessAsync(
            AzureSession session,
            IReadOnlyList<AzureResourceId> vms,
            IReadOnlyList<string> scopes,
            Action<int, int> onProgress,
            CancellationToken cancellationToken)
        {
            var capturedAt = DateTimeOffset.UtcNow;
            var evidence = new List<VmEvidence>();
            var problems = new List<ReadProblem>();
            await EvidenceScan.RunAsync(
                session,
                vms,
                scopes,
                leanRestorePointCount: false, // Test-AzVmBackupReadiness's default: every restore point collection counted
                e => { lock (evidence) { evidence.Add(e); } },
                p => { lock (problems) { problems.Add(p); } },
                onProgress,
                cancellationToken).ConfigureAwait(false);
            return new EvidenceSnapshot
            {
                CapturedAt = capturedAt,
                Vms = evidence.OrderBy(e => e.Vm.ResourceId, StringComparer.OrdinalIgnoreCase).ToList(),
                Problems = problems,
            };
        }

        /// <param name="session">The signed-in session.</param>
        /// <param name="scopes">Subscription, vault or VM ids, as for a live diagnosis.</param>
        /// <param name="query">Which failed jobs.</param>
        /// <param name="cancellationToken">Ctrl+C.</param>
        public static async Task<EvidenceSnapshot> DiagnosisAsync(AzureSession session, IReadOnlyList<string> scopes, FailedJobQuery query, CancellationToken cancellationToken)
        {
            var capturedAt = DateTimeOffset.UtcNow;
            var diagnosis = new LiveDiagnosis(session, KnowledgeBase.Default, SupportedCulture.English);
            var jobs = new List<JobEvidence>();
            var evidence = new Dictionary<string, VmEvidence>(StringComparer.OrdinalIgnoreCase);
            var problems = new List<ReadProblem>();
            foreach (var scope in scopes)
            {
                var result = await diagnosis.DiagnoseAsync(FailedJobScope.Of(scope), query, cancellationToken).ConfigureAwait(false);
                jobs.AddRange(result.Jobs);
                foreach (var vm in result.Evidence)
                {
                    evidence[vm.Vm.ResourceId] = vm;
                }

                problems.AddRange(result.Problems);
            }

            return new EvidenceSnapshot
            {
                CapturedAt = capturedAt,
                Vms = evidence.Values.OrderBy(e => e.Vm.ResourceId, StringComparer.OrdinalIgnoreCase).ToList(),
                FailedJobs = jobs,
                Problems = problems,
            };
        }
    }
}
