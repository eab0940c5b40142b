using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Pester.Tests
{
    /// <summary>A finished child process: its exit code and everything it printed.</summary>
    internal sealed record ChildProcess(int ExitCode, string StandardOutput, string StandardError)
    {
        /// <summary>
        /// The dotnet host that runs this test (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.
        /// </summary>
        public static string DotnetHost =>
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
            : string.Equals(System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dotnet", StringComparison.OrdinalIgnoreCase) ? Environment.ProcessPath!
            : "dotnet";

        /// <summary>
        /// Runs dotnet with the arguments in the repository root and waits for it. A run that outlives
        /// <paramref name="timeout"/> is killed with its children and fails the test (a guard against a hung run, not
        /// a speed assertion).
        /// </summary>
        public static async Task<ChildProcess> RunDotnetAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
        {
            var start = new ProcessStartInfo(DotnetHost)
            {
                WorkingDirectory = BuildOutput.RepoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            process.StandardInput.Close();
            using var expiry = new CancellationTokenSource(timeout);
            var output = process.StandardOutput.ReadToEndAsync(expiry.Token);
            var errors = process.StandardError.ReadToEndAsync(expiry.Token);
            try
            {
                await process.WaitForExitAsync(expiry.Token);
                return new ChildProcess(process.ExitCode, await output, await errors);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'dotnet {string.Join(' ', start.ArgumentList)}' did not finish within {timeout}.");
            }
        }
    }
}
