using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Pester.Tests
{
    /// <summary>Real pwsh: the PowerShell .NET tool pinned in .config/dotnet-tools.json, restored once per test run.</summary>
    internal static class PwshTool
    {
        private static readonly Lazy<Task> Restored = new(RestoreAsync);

        /// <summary>Runs pwsh -NoProfile -NonInteractive with the arguments, in the repository root.</summary>
        public static async Task<ChildProcess> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
        {
            await Restored.Value;
            return await ChildProcess.DotnetAsync(["tool", "run", "pwsh", "-NoProfile", "-NonInteractive", .. arguments], environment, timeout);
        }

        private static async Task RestoreAsync()
        {
            var restore = await ChildProcess.DotnetAsync(["tool", "restore"], null, TimeSpan.FromMinutes(5));
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet tool restore failed ({restore.ExitCode}):\n{restore.StandardOutput}\n{restore.StandardError}");
            }
        }
    }
}
