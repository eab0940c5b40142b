using System;

namespace AzBackupTroubleshoot.Host
{
    /// <summary>azbt-host: runs one PowerShell command line against the built module, for machines without pwsh.</summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine("Usage: azbt-host <PowerShell command line>");
                Console.Error.WriteLine("  e.g. azbt-host Get-AzBackupKnownIssue -Code 320001");
                Console.Error.WriteLine($"  The module is imported from {ModuleManifestLocator.EnvironmentVariable} when set, else from the build output.");
                return ExitCodes.Usage;
            }

            var console = new TextConsole(Console.Out, Console.Error, ConsoleWidth(), !Console.IsOutputRedirected);
            return new CommandRunner(console).Run(ModuleManifestLocator.Find(), string.Join(" ", args));
        }

        // Tables are laid out for the terminal's width; output to a file or pipe gets pwsh's default of 120.
        private static int ConsoleWidth()
        {
            try
            {
                return Console.IsOutputRedirected || Console.WindowWidth <= 0 ? 120 : Console.WindowWidth;
            }
            catch (System.IO.IOException)
            {
                return 120;
            }
        }
    }
}
