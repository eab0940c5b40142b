using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Module.Tests
{
    /// <summary>One run of a program as a separate process, from the repository root: what it printed and how it exited.</summary>
    internal sealed record ChildProcess(int ExitCode, string StandardOutput, string StandardError)
    {
        /// <summary>
        /// Runs the program to its end, in the repository root unless told another folder. Environment values replace the
        /// inherited ones; a null value removes the variable.
        /// </summary>
        public static ChildProcess Run(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, TimeSpan limit, string? workingDirectory = null) =>
            Start(fileName, arguments, environment, workingDirectory).WaitForExit(limit);

        /// <summary>Starts the program and returns while it runs, to signal it or watch what it does.</summary>
        public static Running Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, string? workingDirectory = null)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? RepoPaths.Root,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            {
                if (value is null)
                {
                    start.Environment.Remove(key);
                }
                else
                {
                    start.Environment[key] = value;
                }
            }

            var process = Process.Start(start)!;
            return new Running(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), fileName + " " + string.Join(" ", start.ArgumentList));
        }

        /// <summary>The dotnet CLI, with no build server left running after it.</summary>
        public static ChildProcess Dotnet(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
            Run("dotnet", arguments, Merge(environment, new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" }), TimeSpan.FromMinutes(10));

        public string Describe() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";

        private static Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string?>? first, Dictionary<string, string?> second)
        {
            foreach (var (key, value) in first ?? new Dictionary<string, string?>())
            {
                second[key] = value;
            }

            return second;
        }

        /// <summary>A child process still running, its output being read.</summary>
        internal sealed class Running(Process process, Task<string> output, Task<string> error, string description)
        {
            public int ProcessId => process.Id;

            /// <summary>Waits for the end (asynchronously inside: timed monitor waits return at once under libfaketime).</summary>
            public ChildProcess WaitForExit(TimeSpan limit)
            {
                using (process)
                {
                    using var giveUp = new CancellationTokenSource(limit);
                    try
                    {
                        process.WaitForExitAsync(giveUp.Token).GetAwaiter().GetResult();
                    }
                    catch (OperationCanceledException)
                    {
                        process.Kill(entireProcessTree: true);
                        throw new TimeoutException($"{description} did not finish within {limit}.");
                    }

                    return new ChildProcess(process.ExitCode, output.Result, error.Result);
                }
            }
        }
    }
}
