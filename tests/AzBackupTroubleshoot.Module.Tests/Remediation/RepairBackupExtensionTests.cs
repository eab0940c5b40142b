using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Module.Tests.Remediation
{
    /// <summary>Repair-AzVmBackupExtension: removes a stuck VMSnapshot extension (A9), refuses while the agent is not Ready (B1).</summary>
    public sealed class RepairBackupExtensionTests
    {
        [Fact]
        public async Task A_stuck_extension_is_removed()
        {
            var world = Scenarios.Load("A9-extension-deleting");
            await using var shell = await LiveShell.StartAsync(world);

            var result = shell.Run($"Repair-AzVmBackupExtension -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm -Confirm:$false -PassThru");

            Assert.Empty(result.Errors);
            Assert.Equal(["VMSnapshot"], ((System.Collections.IEnumerable)result.Output.Single().Properties["RemovedExtensions"].Value).Cast<object>().Select(e => e.ToString()));
            Assert.Equal(["DELETE " + world.VmUnderTest + "/extensions/VMSnapshot"], shell.Server.Requests.Where(r => r.Method == "DELETE").Select(r => $"{r.Method} {r.Path}"), StringComparer.OrdinalIgnoreCase);
            Assert.Empty(Extensions(world));
        }

        [Fact]
        public async Task An_agent_that_is_not_ready_refuses_the_repair_and_nothing_is_written()
        {
            var world = Scenarios.Load("B1-agent-not-ready");
            await using var shell = await LiveShell.StartAsync(world);
            var before = Extensions(world);

            var result = shell.Run($"Repair-AzVmBackupExtension -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm -Confirm:$false");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("BackupExtensionRepairRefused,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Contains("VM agent must be installed and Ready", error.Exception.Message, StringComparison.Ordinal);
            Assert.Empty(shell.Server.Requests.Where(r => r.Method is "PUT" or "DELETE" or "PATCH"));
            Assert.Equal(before, Extensions(world));
        }

        private static string[] Extensions(ArmWorld world)
        {
            lock (world.SyncRoot)
            {
                return world.FindVirtualMachine(world.VmUnderTest!)!.Extensions.Select(e => e.Name).ToArray();
            }
        }
    }
}
