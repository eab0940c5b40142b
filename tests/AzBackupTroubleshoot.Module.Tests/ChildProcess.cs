using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace AzBackupTroubleshoot.Module.Tests
{
    /// <summary>One run of a program as a separate process, from the repository root: what it printed and how it exited.</summary>
    internal sealed record ChildProcess(int ExitCode, string StandardOutput, string StandardError)
    {
        /// <summary>
        /// Runs the program to its end, in the repository root unless told another folder. Environment values replace the
        /// inherited ones; a null value removes the variable.
        /// </summary>
        public static ChildProcess Run(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, TimeSpan limit, string? workingDirectory = null)
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

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} {string.Join(" ", start.ArgumentList)} did not finish within {limit}.");
            }

            return new ChildProcess(process.ExitCode, output.Result, error.Result);
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
    }
}
