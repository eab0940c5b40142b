using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace AzBackupTroubleshoot.Module.Tests
{
    /// <summary>
    /// The lock journal folder of this test process: set before any test runs, so no run of the module (in-process or
    /// a child azbt-host, which inherits it) reads or writes the user's own journal folder.
    /// </summary>
    internal static class TestJournal
    {
        public const string Variable = "AZBT_JOURNAL_DIRECTORY";

        public static string Directory { get; } = Path.Combine(Path.GetTempPath(), "azbt-test-journal-" + Environment.ProcessId);

#pragma warning disable CA2255 // A test assembly: the setting must be in place before the first test loads the module.
        [ModuleInitializer]
#pragma warning restore CA2255
        internal static void Use() => Environment.SetEnvironmentVariable(Variable, Directory);

        /// <summary>Removes every journal file, so a test starts and ends with none.</summary>
        public static void Clear()
        {
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }
}
