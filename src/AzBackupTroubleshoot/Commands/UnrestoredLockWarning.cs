using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using AzBackupTroubleshoot.Engine.Remediation;
using AzBackupTroubleshoot.Remediation;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>
    /// Warns, when any cmdlet of the module starts, of journal files left by runs that lifted locks and did not put
    /// them back (the process was killed, the machine lost power), naming the locks and the command that restores them.
    /// </summary>
    internal static class UnrestoredLockWarning
    {
        public static void WriteFor(Cmdlet cmdlet)
        {
            // Only listing the folder here: the engine loads only when a journal is actually left.
            foreach (var path in LockJournalLocation.PendingFiles())
            {
                cmdlet.WriteWarning(Describe(path));
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string Describe(string path)
        {
            try
            {
                var entry = LockJournalFile.Read(path);
                var locks = string.Join("; ", entry.Locks.Select(l => $"'{l.Name}' ({l.Level}) on {l.Scope}"));
                var when = entry.RecordedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "at an unknown time";
                return $"A run of this module lifted locks {when} and did not record putting them back: {locks}. Put them back with: {LockCommands.RestoreFromJournal(path)}";
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return $"The lock journal '{path}' could not be read ({ex.Message}); a run may have left locks lifted. Look at it, then remove it.";
            }
        }
    }
}
