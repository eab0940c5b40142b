using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>
    /// The folder of the lock journal: AZBT_JOURNAL_DIRECTORY when set, else AzBackupTroubleshoot/journal under the
    /// user's local application data. Each run that lifts locks keeps one file there until every lock is back.
    /// </summary>
    public static class LockJournalLocation
    {
        public const string EnvironmentVariable = "AZBT_JOURNAL_DIRECTORY";

        /// <summary>The extension of a journal file.</summary>
        public const string Extension = ".json";

        public static string Directory
        {
            get
            {
                var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
                return string.IsNullOrWhiteSpace(configured)
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "AzBackupTroubleshoot", "journal")
                    : configured!;
            }
        }

        /// <summary>The journal files of runs whose locks are not known to be back, oldest first; cheap when there are none.</summary>
        public static IReadOnlyList<string> PendingFiles()
        {
            var directory = Directory;
            return System.IO.Directory.Exists(directory)
                ? System.IO.Directory.EnumerateFiles(directory, "*" + Extension).OrderBy(f => f, StringComparer.Ordinal).ToList()
                : [];
        }
    }
}
