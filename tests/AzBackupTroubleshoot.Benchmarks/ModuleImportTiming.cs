using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.Loader;

namespace AzBackupTroubleshoot.Benchmarks;

/// <summary>
/// Import-Module of the built module in a hosted PowerShell, measured after the runspace is warm; then whether any
/// Azure assembly was loaded, in any load context. Run before every other workload, while this process has loaded none.
/// </summary>
internal static class ModuleImportTiming
{
    public static WorkloadResult Measure(string manifest)
    {
        if (!File.Exists(manifest))
        {
            return new WorkloadResult("import", 0, 0, 0, 0, 0, 0, 0, 0, 0, $"not measured: no module at {manifest} (build src/AzBackupTroubleshoot first)");
        }

        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using (var warm = PowerShell.Create(runspace))
        {
            warm.AddScript("$null = Get-Module -ListAvailable -Name Microsoft.PowerShell.Utility").Invoke();
        }

        var azureBefore = AzureAssemblies();
        using var ps = PowerShell.Create(runspace);
        var clock = Stopwatch.StartNew();
        ps.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("PassThru").Invoke();
        clock.Stop();
        var errors = ps.HadErrors ? string.Join("; ", ps.Streams.Error.Select(e => e.ToString())) : null;
        var loaded = AzureAssemblies().Except(azureBefore).ToArray();
        var note = errors ?? (loaded.Length == 0 ? "no Azure assembly loaded" : "loaded: " + string.Join(", ", loaded));
        return new WorkloadResult("import", 0, 0, errors == null ? 0 : 1, 0, 0, clock.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds, 0, 0, note);
    }

    private static string[] AzureAssemblies() =>
        AssemblyLoadContext.All
            .SelectMany(context => context.Assemblies)
            .Select(assembly => assembly.GetName().Name ?? string.Empty)
            .Where(name => name.StartsWith("Azure.", StringComparison.Ordinal) || name == "Azure")
            .Distinct()
            .ToArray();
}
