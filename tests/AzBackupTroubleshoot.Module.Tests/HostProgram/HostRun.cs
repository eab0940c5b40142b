using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace AzBackupTroubleshoot.Module.Tests.HostProgram
{
    /// <summary>One run of azbt-host as a separate process: what it printed and how it exited.</summary>
    internal sealed record HostRun(int ExitCode, string StandardOutput, string StandardError)
    {
        private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

        public static HostRun Start(string commandLine, IReadOnlyDictionary<string, string>? environment = null) =>
            Start(new[] { commandLine }, environment);

        public static HostRun Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
            Launch(arguments, environment).WaitForExit();

        /// <summary>Starts azbt-host and returns while it runs, to signal it or watch what it does.</summary>
        public static RunningHost Launch(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepoPaths.Root,
            };
            start.ArgumentList.Add(RepoPaths.HostProgram);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment.Remove("AZBT_MODULE_PATH");
            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[key] = value;
            }

            var process = Process.Start(start)!;
            return new RunningHost(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), string.Join(" ", arguments));
        }

        /// <summary>An azbt-host process still running, its output being read.</summary>
        internal sealed class RunningHost(Process process, System.Threading.Tasks.Task<string> output, System.Threading.Tasks.Task<string> error, string description)
        {
            public int ProcessId => process.Id;

            public HostRun WaitForExit()
            {
                using (process)
                {
                    if (!process.WaitForExit(Limit))
                    {
                        process.Kill(entireProcessTree: true);
                        throw new TimeoutException($"azbt-host {description} did not finish.");
                    }

                    return new HostRun(process.ExitCode, output.Result, error.Result);
                }
            }
        }
    }
}
