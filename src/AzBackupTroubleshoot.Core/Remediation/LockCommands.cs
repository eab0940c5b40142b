using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Identifiers;
using AzBackupTroubleshoot.Scripting;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>The commands that put a lock back by hand, for when restoring it automatically failed.</summary>
    public static class LockCommands
    {
        /// <summary>
        /// Every value is quoted by <see cref="PowerShellString"/>. A lock whose name, level, scope or notes hold a NUL
        /// cannot be written as a command; then the answer is a comment that says so and runs nothing when pasted.
        /// </summary>
        public static string Recreate(LockEvidence l)
        {
            if (!new[] { l.Name, l.Level, l.Scope, l.Notes ?? string.Empty }.All(PowerShellString.CanQuote))
            {
                return "# No command: the lock's name, level, scope or notes hold a NUL character, which a pasted command cannot carry. Re-create the lock in the Azure portal.";
            }

            var notes = string.IsNullOrEmpty(l.Notes) ? string.Empty : $" -LockNotes {PowerShellString.Quote(l.Notes!)}";
            var scope = AzureResourceId.TryParse(l.Scope, out var id, out _) && id!.ResourceType == null && id.ResourceGroupName != null
                ? $"-ResourceGroupName {PowerShellString.Quote(id.ResourceGroupName)}"
                : $"-Scope {PowerShellString.Quote(l.Scope)}";
            return $"New-AzResourceLock -LockName {PowerShellString.Quote(l.Name)} -LockLevel {PowerShellString.Quote(l.Level)} {scope}{notes} -Force";
        }

        /// <summary>The command that puts back the locks a journal file recorded.</summary>
        public static string RestoreFromJournal(string journalPath) => "Restore-AzBackupLock -Path " + PowerShellString.Quote(journalPath);
    }
}
