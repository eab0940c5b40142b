using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Resources;

namespace AzBackupTroubleshoot.Live
{
    /// <summary>Connects and reads the evidence Test-AzVmBackupReadiness judges; engine types stay inside this method.</summary>
    internal static class ReadinessScan
    {
        public static async Task<int> RunAsync(
            ConnectionSettings settings,
            IReadOnlyList<AzureResourceId> vms,
            IReadOnlyList<string> scopes,
            Action<VmEvidence> onEvidence,
            Action<ReadProblem> onFailure,
            Action<int, int> onProgress,
            CancellationToken cancellationToken)
        {
            using var session = await SessionFactory.ConnectAsync(settings, cancellationToken).ConfigureAwait(false);
            return await EvidenceScan.RunAsync(session, vms, scopes, onEvidence, onFailure, onProgress, cancellationToken).ConfigureAwait(false);
        }
    }
}
