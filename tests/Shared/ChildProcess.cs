using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Tests
{
    /// <summary>
    /// One run of a program as a separate process, from the repository root: what it printed and how it exited. Linked
    /// into each test project that starts programs (its RepoRoot assembly metadata names the root).
    /// </summary>
    internal sealed record ChildProcess(int ExitCode, string StandardOutput, string StandardError)
    {
        private static readonly string RepoRoot =
            typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

        /// <summary>The dotnet host that runs this test (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.</summary>
        public static string DotnetHost =>
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
            : string.Equals(Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dotnet", StringComparison.OrdinalIgnoreCase) ? Environment.ProcessPath!
            : "dotnet";

        /// <summary>
        /// Starts the program and returns while it runs, to signal it or watch what it does. It runs in the repository
        /// root unless told another folder, with no input; environment values replace the inherited ones, a null value
        /// removes the variable.
        /// </summary>
        public static Running Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, string? workingDirectory = null)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? RepoRoot,
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

            var process = Process.Start(start) ?? throw new InvalidOperationException(fileName + " did not start.");
            process.StandardInput.Close();
            return new Running(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), fileName + " " + string.Join(" ", start.ArgumentList));
        }

        /// <summary>Runs the program to its end (see <see cref="Start"/>).</summary>
        public static ChildProcess Run(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, TimeSpan limit, string? workingDirectory = null) =>
            Start(fileName, arguments, environment, workingDirectory).WaitForExit(limit);

        /// <summary>The dotnet CLI to its end, with no build server left running after it.</summary>
        public static ChildProcess Dotnet(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
            StartDotnet(arguments, environment).WaitForExit(TimeSpan.FromMinutes(10));

        /// <summary>The dotnet CLI to its end, awaited; a run that outlives <paramref name="limit"/> is killed and fails.</summary>
        public static Task<ChildProcess> DotnetAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, TimeSpan limit) =>
            StartDotnet(arguments, environment).WaitForExitAsync(limit);

        public string Describe() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";

        private static Running StartDotnet(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment)
        {
            var quiet = new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
            foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            {
                quiet[key] = value;
            }

            return Start(DotnetHost, arguments, quiet);
        }

        /// <summary>A child process still running, its output being read.</summary>
        internal sealed class Running(Process process, Task<string> output, Task<string> error, string description)
        {
            public int ProcessId => process.Id;

            /// <summary>
            /// Waits for the end, blocking (asynchronously inside: timed monitor waits return at once under libfaketime).
            /// </summary>
            public ChildProcess WaitForExit(TimeSpan limit) => WaitForExitAsync(limit).GetAwaiter().GetResult();

            /// <summary>
            /// Waits for the end; a run that outlives <paramref name="limit"/> is killed with its children and fails the
            /// test (a guard against a hung run, not a speed assertion).
            /// </summary>
            public async Task<ChildProcess> WaitForExitAsync(TimeSpan limit)
            {
                using (process)
                {
                    using var giveUp = new CancellationTokenSource(limit);
                    try
                    {
                        await process.WaitForExitAsync(giveUp.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        process.Kill(entireProcessTree: true);
                        throw new TimeoutException($"{description} did not finish within {limit}.");
                    }

                    return new ChildProcess(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
                }
            }
        }
    }
}
