using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Module.Tests.HostProgram;
using AzBackupTroubleshoot.Module.Tests.Remediation;

namespace AzBackupTroubleshoot.Module.Tests.Packaging
{
    /// <summary>
    /// The Az.Accounts situation: another Azure.Core is already in the process (default load context) when the module
    /// is imported. The module must still work, on its own Azure.Core from its private load context.
    /// </summary>
    public class SideBySideAzureCoreTests
    {
        [Fact]
        public async Task The_module_works_after_another_Azure_Core_was_loaded_first()
        {
            var world = Scenarios.Load("B4-restore-point-limit");
            await using var server = await FakeArmServer.StartAsync(world);
            var otherAzureCore = Path.Combine(AppContext.BaseDirectory, "Azure.Core.dll");
            var otherVersion = AssemblyName.GetAssemblyName(otherAzureCore).Version!;
            var script = string.Join(
                "\n",
                "Remove-Module AzBackupTroubleshoot",
                $"$other = [System.Reflection.Assembly]::LoadFrom('{otherAzureCore}')",
                $"Import-Module '{RepoPaths.ModuleManifest}'",
                $"$tenant = '{Scenarios.TenantId}'; $subscription = '{Scenarios.SubscriptionId}'",
                LiveShell.StandIns,
                $"Test-AzVmBackupReadiness -ResourceId '{world.VmUnderTest}' -ArmEndpoint '{server.Endpoint}' -Summary | ForEach-Object {{ 'verdict=' + $_.Verdict }}",
                "[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Azure.Core' } | ForEach-Object { 'azure.core=' + $_.GetName().Version }");

            var run = HostRun.Start(script);

            Assert.True(run.ExitCode == 0, run.StandardError);
            Assert.Contains("verdict=NotReady", run.StandardOutput, StringComparison.Ordinal);
            var loaded = run.StandardOutput.Split('\n').Where(l => l.StartsWith("azure.core=", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
            Assert.Equal(2, loaded.Count); // the one loaded first, and the module's own
            Assert.Contains($"azure.core={otherVersion}", loaded);
            Assert.True(server.Requests.Count(r => r.Path.Contains("virtualMachines", StringComparison.OrdinalIgnoreCase)) > 0);
        }
    }
}
