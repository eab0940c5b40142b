using System;
using System.Collections.Generic;
using System.Linq;

namespace AzBackupTroubleshoot.Module.Tests.HostProgram
{
    /// <summary>One run of azbt-host as a separate process: what it printed and how it exited.</summary>
    internal sealed record HostRun(int ExitCode, string StandardOutput, string StandardError)
    {
        private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

        public static HostRun Start(string commandLine, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null) =>
            Start(new[] { commandLine }, environment, workingDirectory);

        /// <summary>Runs azbt-host to its end in the repository root, or in the given folder.</summary>
        public static HostRun Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
        {
            var run = Launch(arguments, environment, workingDirectory).WaitForExit(Limit);
            return new HostRun(run.ExitCode, run.StandardOutput, run.StandardError);
        }

        /// <summary>Starts azbt-host and returns while it runs, to signal it or watch what it does.</summary>
        public static ChildProcess.Running Launch(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
        {
            // The built module unless the test names another, and a lock journal folder of the child's own, so a journal
            // one run leaves never warns in another test's output.
            var variables = new Dictionary<string, string?>
            {
                ["AZBT_MODULE_PATH"] = null,
                [TestJournal.Variable] = System.IO.Path.Combine(TestJournal.Directory, "child-" + Guid.NewGuid().ToString("N")),
            };
            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            {
                variables[key] = value;
            }

            return ChildProcess.Start("dotnet", arguments.Prepend(RepoPaths.HostProgram), variables, workingDirectory);
        }
    }
}
