using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace AzBackupTroubleshoot.Host
{
    /// <summary>
    /// Imports the module into a fresh runspace, runs one command line and prints its output through the module's
    /// format views, as pwsh would: output goes through Out-Default, which writes to this program's host. The engine is
    /// Microsoft.PowerShell.SDK, so the Utility and Management cmdlets a README pipeline uses are there.
    /// </summary>
    internal sealed class CommandRunner
    {
        private readonly TextConsole _console;

        public CommandRunner(TextConsole console)
        {
            _console = console;
        }

        public int Run(string manifestPath, string commandLine)
        {
            var state = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows())
            {
                // The module's format file is not signed; the command line is the user's own.
                state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            }

            using var runspace = RunspaceFactory.CreateRunspace(new ConsoleHost(_console), state);
            runspace.Open();

            if (!Import(runspace, manifestPath))
            {
                return ExitCodes.Usage;
            }

            using var shell = PowerShell.Create(runspace);
            // Warnings, verbose and host output reach the host's UI by themselves; errors are collected in the stream.
            shell.Streams.Error.DataAdded += (_, e) => _console.WriteError(Describe(shell.Streams.Error[e.Index]));
            shell.AddScript(commandLine).AddCommand("Out-Default");
            try
            {
                shell.Invoke();
            }
            catch (RuntimeException ex)
            {
                _console.WriteError(Describe(ex.ErrorRecord));
                return ExitCodes.CommandFailed;
            }

            return shell.HadErrors ? ExitCodes.CommandFailed : ExitCodes.Success;
        }

        private bool Import(Runspace runspace, string manifestPath)
        {
            using var import = PowerShell.Create(runspace);
            import.AddCommand("Import-Module").AddParameter("Name", manifestPath).AddParameter("ErrorAction", ActionPreference.Stop);
            try
            {
                import.Invoke();
                return true;
            }
            catch (RuntimeException ex)
            {
                _console.WriteError($"Cannot import the module from '{manifestPath}': {ex.Message}");
                _console.WriteError("Build it first (dotnet build src/AzBackupTroubleshoot) or point AZBT_MODULE_PATH at a built module.");
                return false;
            }
        }

        // pwsh's concise error view: the command that failed, then the message.
        private static string Describe(ErrorRecord record)
        {
            var message = record.ErrorDetails?.Message ?? record.Exception.Message;
            var command = record.InvocationInfo?.MyCommand?.Name;
            return string.IsNullOrEmpty(command) ? message : $"{command}: {message}";
        }
    }
}
