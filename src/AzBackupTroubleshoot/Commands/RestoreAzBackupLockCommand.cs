using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Engine.Remediation;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Live;
using AzBackupTroubleshoot.Remediation;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>
    /// Puts back the locks a cleanup wrote to its journal and could not put back itself (the process was killed, the
    /// machine lost power): each missing lock is re-created exactly as recorded, one already in place is skipped, one
    /// changed since is left alone. A journal whose locks are all in place is removed.
    /// </summary>
    [Cmdlet(VerbsData.Restore, "AzBackupLock", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(JournalLockRestore))]
    public sealed class RestoreAzBackupLockCommand : AzureCmdlet
    {
        /// <summary>
        /// <para type="description">Journal files to restore from (taken literally, no wildcards); also from the pipeline (Get-ChildItem, or the Path of an entry). Default: every journal in the journal folder.</para>
        /// </summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "JournalPath")]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        protected override bool WarnsOfUnrestoredLocks => false;

        protected override void ProcessRecord()
        {
            var paths = Path?.Select(p => SessionState.Path.GetUnresolvedProviderPathFromPSPath(p)).ToList() ?? LockJournalLocation.PendingFiles().ToList();
            if (paths.Count == 0)
            {
                WriteVerbose($"No lock journal in {LockJournalLocation.Directory}: no run left locks lifted.");
            }

            foreach (var path in paths)
            {
                var entry = Read(path);
                if (entry != null)
                {
                    Restore(entry);
                }
            }
        }

        private LockJournalEntry? Read(string path)
        {
            if (!File.Exists(path))
            {
                WriteError(ErrorIds.LockJournalNotFound.Record(new FileNotFoundException($"The lock journal '{path}' does not exist.", path), path));
                return null;
            }

            try
            {
                return LockJournalFile.Read(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                WriteError(ErrorRecords.OfFailure(ex, ErrorIds.LockJournalUnreadable, path));
                return null;
            }
        }

        private void Restore(LockJournalEntry entry)
        {
            var subscriptions = entry.Locks.Select(l => AzureResourceId.TryParse(l.Scope, out var id, out _) ? id!.SubscriptionId : null).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var settings = ReadConnectionOptions(subscriptions);
            IReadOnlyList<JournalLockRestore> outcomes;
            try
            {
                outcomes = Run(() => RemediationRunner.RestoreFromJournalAsync(settings, entry, Output, Confirm, Cancellation));
            }
            catch (Exception ex) when (ex is not PipelineStoppedException and not OutOfMemoryException)
            {
                WriteError(ErrorRecords.OfFailure(ex, ErrorIds.LockJournalRestoreFailed, entry.Path));
                return;
            }

            foreach (var outcome in outcomes)
            {
                Report(outcome);
            }
        }

        private bool Confirm(LockEvidence l) =>
            ShouldProcess(l.ResourceId, $"Re-create lock '{l.Name}' ({l.Level}) on {l.Scope} exactly as the journal recorded it");

        private void Report(JournalLockRestore outcome)
        {
            switch (outcome.Outcome)
            {
                case JournalLockOutcome.ChangedSince:
                    WriteWarning($"Lock {outcome.Lock} is in place but differs from the journal (now {outcome.Current!.Level}, notes '{outcome.Current.Notes}'); it was left alone and the journal '{outcome.JournalPath}' kept. Remove the journal once you have checked the lock.");
                    break;
                case JournalLockOutcome.Failed:
                    WriteError(VmRemediationCmdlet.LockRestoreFailed(new LockRestoreFailure(outcome.Lock, outcome.Error!)));
                    break;
                case JournalLockOutcome.Restored:
                case JournalLockOutcome.AlreadyInPlace:
                case JournalLockOutcome.NotRestored:
                    WriteVerbose($"Lock {outcome.Lock}: {outcome.Outcome}");
                    break;
            }

            WriteObject(outcome);
        }
    }
}
