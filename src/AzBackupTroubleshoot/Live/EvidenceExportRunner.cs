using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Diagnosis;
using AzBackupTroubleshoot.Engine.Snapshot;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Live
{
    /// <summary>Reads a snapshot over one session with the reads of the live cmdlets; engine types stay inside.</summary>
    internal static class EvidenceExportRunner
    {
        /// <summary>As Test-AzVmBackupReadiness reads: named VMs, resource groups and subscriptions.</summary>
        public static async Task<EvidenceSnapshot> ReadinessAsync(ConnectionOptions settings, IReadOnlyList<AzureResourceId> vms, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
        {
            using var session = await AzureSession.ConnectAsync(settings, cancellationToken).ConfigureAwait(false);
            return await EvidenceCapture.ReadinessAsync(session, vms, scopes, (_, _) => { }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>As Get-AzBackupFailureDiagnosis reads: the failed jobs of vaults, VMs or subscriptions, and their VMs' evidence.</summary>
        public static async Task<EvidenceSnapshot> DiagnosisAsync(ConnectionOptions settings, IReadOnlyList<string> scopeIds, DateTimeOffset? since, CancellationToken cancellationToken)
        {
            using var session = await AzureSession.ConnectAsync(settings, cancellationToken).ConfigureAwait(false);
            return await EvidenceCapture.DiagnosisAsync(session, scopeIds, new FailedJobQuery { Since = since }, cancellationToken).ConfigureAwait(false);
        }
    }
}
