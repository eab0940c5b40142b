using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Remediation;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Remediation;

namespace AzBackupTroubleshoot.Live
{
    /// <summary>
    /// One remediation over one session: collect the VM's evidence, let the pipeline thread plan and confirm
    /// (ShouldProcess must run there), then execute with Core's lock-safe executor over ARM, journalling the locks.
    /// </summary>
    internal static class RemediationRunner
    {
        /// <summary>The VM a restore point collection was made from (its source), or null when it names none.</summary>
        public static async Task<string?> SourceVmOfAsync(ConnectionOptions settings, string collectionId, CancellationToken cancellationToken)
        {
            using var session = await AzureSession.ConnectAsync(settings, cancellationToken).ConfigureAwait(false);
            return await RestorePointCollectionSourceVm.FindAsync(session, collectionId, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>How long putting one lock back may take; it runs even after Ctrl+C.</summary>
        public static readonly TimeSpan LockRestoreTimeout = TimeSpan.FromMinutes(2);

        /// <param name="settings">How to reach Azure.</param>
        /// <param name="vm">The VM to remediate.</param>
        /// <param name="output">The cmdlet's write queue; planning and confirming run through it on the pipeline thread.</param>
        /// <param name="planAndConfirm">Runs on the pipeline thread; returns the plan to execute, or null to change nothing.</param>
        /// <param name="execute">Runs the confirmed plan.</param>
        /// <param name="timeout">How long reading the VM may take, and then how long the run may take (-TimeoutSec).</param>
        /// <param name="cancellationToken">Ctrl+C or a termination signal; the executor still puts lifted locks back.</param>
        public static async Task<RemediationResult?> RunAsync<TPlan>(
            ConnectionOptions settings,
            VmIdentity vm,
            PipelineQueue output,
            Func<VmEvidence, TPlan?> planAndConfirm,
            Func<RemediationExecutor, TPlan, VmEvidence, CancellationToken, Task<RemediationResult>> execute,
            TimeSpan timeout,
            CancellationToken cancellationToken)
            where TPlan : class
        {
            using var session = await AzureSession.ConnectAsync(settings, cancellationToken).ConfigureAwait(false);
            VmEvidence evidence;
            using (var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                reading.CancelAfter(timeout);
                try
                {
                    evidence = await new VmEvidenceCollector(session).CollectAsync(vm, reading.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException exception) when (reading.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"Reading the state of {vm.Name} did not finish within {timeout.TotalSeconds:0} seconds (-TimeoutSec); nothing was changed.", exception);
                }
            }

            var plan = await output.Invoke(_ => planAndConfirm(evidence)).ConfigureAwait(false);
            if (plan == null)
            {
                return null;
            }

            var executor = new RemediationExecutor(new ArmRemediationTarget(session), LockRestoreTimeout, output.WriteVerbose)
            {
                Timeout = timeout,
                Journal = new LockJournalFile(LockJournalLocation.Directory),
            };
            return await execute(executor, plan, evidence, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Puts back the locks of a journal entry; <paramref name="confirm"/> runs on the pipeline thread.</summary>
        public static async Task<IReadOnlyList<JournalLockRestore>> RestoreFromJournalAsync(
            ConnectionOptions settings,
            LockJournalEntry entry,
            PipelineQueue output,
            Func<LockEvidence, bool> confirm,
            CancellationToken cancellationToken)
        {
            using var session = await AzureSession.ConnectAsync(settings, cancellationToken).ConfigureAwait(false);
            var restorer = new LockJournalRestorer(new ArmRemediationTarget(session), new LockJournalFile(LockJournalLocation.Directory));
            return await restorer.RestoreAsync(entry, l => output.Invoke(_ => confirm(l)), cancellationToken).ConfigureAwait(false);
        }
    }
}
