using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Resources;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>The commands that put a lock back by hand, for when restoring it automatically failed.</summary>
    public static class LockCommands
    {
        public static string Recreate(LockEvidence l)
        {
            var notes = string.IsNullOrEmpty(l.Notes) ? string.Empty : $" -LockNotes '{Quote(l.Notes!)}'";
            var scope = AzureResourceId.TryParse(l.Scope, out var id, out _) && id!.ResourceType == null && id.ResourceGroupName != null
                ? $"-ResourceGroupName '{Quote(id.ResourceGroupName)}'"
                : $"-Scope '{Quote(l.Scope)}'";
            return $"New-AzResourceLock -LockName '{Quote(l.Name)}' -LockLevel {l.Level} {scope}{notes} -Force";
        }

        /// <summary>The command that puts back the locks a journal file recorded.</summary>
        public static string RestoreFromJournal(string journalPath) => $"Restore-AzBackupLock -Path '{Quote(journalPath)}'";

        private static string Quote(string value) => value.Replace("'", "''");
    }
}
