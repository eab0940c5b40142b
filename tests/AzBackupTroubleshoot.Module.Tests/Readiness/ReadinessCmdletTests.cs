using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Module.Tests.Remediation;

namespace AzBackupTroubleshoot.Module.Tests.Readiness
{
    /// <summary>Test-AzVmBackupReadiness in the real PowerShell engine, through the real Azure SDK, against the fake ARM.</summary>
    [Collection(ModuleCollection.Name)]
    public class ReadinessCmdletTests
    {
        private static string Result(LiveResult run, string ruleId) =>
            run.Output.Single(o => (string)o.Properties["RuleId"].Value == ruleId).Properties["Result"].Value.ToString()!;

        private static string[] Failing(LiveResult run) =>
            run.Output.Where(o => o.Properties["Result"].Value.ToString() == "Fail").Select(o => (string)o.Properties["RuleId"].Value).OrderBy(x => x).ToArray();

        [Theory]
        [InlineData("healthy-windows", "", "")]
        [InlineData("healthy-linux", "", "")]
        [InlineData("A3-transitional-state", "VM.PowerState", "Fail")]
        [InlineData("A9-extension-deleting", "Extension.BackupHealthy", "Fail")]
        [InlineData("A14-no-agent", "Agent.Installed", "Fail")]
        [InlineData("A18-deny-policy", "Policy.NoDeny", "Fail")]
        [InlineData("B1-agent-not-ready", "Agent.Ready", "Fail")]
        [InlineData("B3-provisioning-failed", "VM.ProvisioningState", "Fail")]
        [InlineData("B4-locked-restore-point-group", "RestorePoint.GroupUnlocked", "Fail")]
        [InlineData("B4-restore-point-limit", "RestorePoint.Limit", "Fail")]
        [InlineData("B5-keyvault-no-access", "Encryption.KeyVaultAccess", "Fail")]
        [InlineData("B9-disk-too-large", "Disk.SizeSupported", "Fail")]
        [InlineData("B10-backup-in-progress", "Job.NoneInProgress", "Warning")]
        [InlineData("B12-protection-stopped", "Protection.Active", "Fail")]
        [InlineData("C12-old-windows-agent", "Agent.WindowsVersion", "Fail")]
        public async Task Each_scenario_gives_its_documented_outcome(string scenario, string ruleId, string expected)
        {
            var world = Scenarios.Load(scenario);
            await using var shell = await LiveShell.StartAsync(world);

            var run = shell.Run($"Test-AzVmBackupReadiness -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm");

            Assert.Empty(run.Errors);
            Assert.Equal(26, run.Output.Count); // every rule, once
            if (ruleId.Length == 0)
            {
                Assert.Empty(Failing(run));
            }
            else
            {
                Assert.Equal(expected, Result(run, ruleId));
            }

            // The Az context's token reached ARM on every resource request (only the cloud metadata is anonymous).
            var resourceReads = shell.Server.Requests.Where(r => r.Path.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase));
            Assert.NotEmpty(resourceReads);
            Assert.All(resourceReads, r => Assert.True(r.HasAuthorization, r.PathAndQuery));
        }

        [Fact]
        public async Task A_deleted_vm_is_reported_not_found_and_the_other_vm_is_still_checked()
        {
            var world = Scenarios.Load("A12-vm-deleted");
            var healthy = world.VmUnderTest!.Replace("vm-gone12", "vm-other12", StringComparison.Ordinal); // the world's other VM
            await using var shell = await LiveShell.StartAsync(world);

            var run = shell.Run($"Test-AzVmBackupReadiness -ResourceId '{world.VmUnderTest}', '{healthy}' -ArmEndpoint $arm -Summary");

            var error = Assert.Single(run.Errors);
            Assert.Equal("VmNotFound,AzBackupTroubleshoot.Commands.TestAzVmBackupReadinessCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(2, run.Output.Count);
            Assert.Contains(run.Output, o => o.Properties["VmId"].Value.ToString() == world.VmUnderTest && o.Properties["Verdict"].Value.ToString() == "NotReady");
        }

        [Fact]
        public async Task Get_AzVm_objects_bind_from_the_pipeline()
        {
            var world = Scenarios.Load("B4-restore-point-limit");
            await using var shell = await LiveShell.StartAsync(world);

            var run = shell.Run($"[pscustomobject]@{{ Id = '{world.VmUnderTest}'; Name = 'vm-app25'; ResourceGroupName = 'rg-app' }} | Test-AzVmBackupReadiness -ArmEndpoint $arm -Summary");

            Assert.Empty(run.Errors);
            var summary = Assert.Single(run.Output);
            Assert.Equal("NotReady", summary.Properties["Verdict"].Value.ToString());
            Assert.Contains("RestorePoint.Limit", ((System.Collections.IEnumerable)summary.Properties["FailedRuleIds"].Value).Cast<object>().Select(x => x.ToString()));
        }

        [Fact]
        public async Task Malformed_ids_are_refused_before_any_request()
        {
            await using var shell = await LiveShell.StartAsync(Scenarios.Load("healthy-windows"));
            shell.Server.Requests.Clear();

            var run = shell.Run("Test-AzVmBackupReadiness -ResourceId 'vm1', '/subscriptions/2d0c7b1e-4f3a-4c8e-9b6d-5a1f0e7c3b21/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/st1' -ArmEndpoint $arm");

            Assert.Equal(2, run.Errors.Count);
            Assert.All(run.Errors, e => Assert.Equal("InvalidVmResourceId,AzBackupTroubleshoot.Commands.TestAzVmBackupReadinessCommand", e.FullyQualifiedErrorId));
            Assert.All(run.Errors, e => Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
            Assert.Equal(0, shell.Server.Requests.Count(r => r.Path.Contains("Microsoft.", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task A_refused_read_is_permission_denied_naming_the_action()
        {
            var world = Scenarios.Load("healthy-windows");
            await using var shell = await LiveShell.StartAsync(world);
            shell.Server.Faults.Forbidden("GET", "virtualMachines/vm-win01$", "Microsoft.Compute/virtualMachines/read");

            var run = shell.Run($"Test-AzVmBackupReadiness -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm");

            var error = Assert.Single(run.Errors);
            Assert.StartsWith("AuthorizationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(System.Management.Automation.ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Contains("Microsoft.Compute/virtualMachines/read", error.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Throttled_reads_are_retried_and_the_results_are_unchanged()
        {
            var world = Scenarios.Load("B1-agent-not-ready");
            await using var shell = await LiveShell.StartAsync(world);
            shell.Server.Faults.TooManyRequests("GET", "virtualMachines/vm-app21$", retryAfterSeconds: 1, times: 2);

            var run = shell.Run($"Test-AzVmBackupReadiness -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm");

            Assert.Empty(run.Errors);
            Assert.Equal("Fail", Result(run, "Agent.Ready"));
            Assert.Equal(2, shell.Server.Faults.TooManyRequestsSent);
        }

        [Fact]
        public async Task A_resource_group_is_read_with_list_calls_and_every_vm_judged()
        {
            var world = Scenarios.Load("B4-locked-restore-point-group");
            await using var shell = await LiveShell.StartAsync(world);

            var run = shell.Run("Test-AzVmBackupReadiness -ResourceGroupName 'rg-app' -ArmEndpoint $arm -Summary");

            Assert.Empty(run.Errors);
            Assert.Contains(run.Output, o => o.Properties["VmId"].Value.ToString() == world.VmUnderTest && o.Properties["Verdict"].Value.ToString() == "NotReady");
            Assert.True(run.Output.Count >= 2, "the decoy VM in the same group is judged too");
        }

        [Fact]
        public async Task Reports_are_written_and_assert_fails_the_run()
        {
            var world = Scenarios.Load("B4-restore-point-limit");
            await using var shell = await LiveShell.StartAsync(world);
            var junit = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xml");
            var json = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
            try
            {
                shell.Run($"Test-AzVmBackupReadiness -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm -OutputFormat Json -OutputPath '{json}'");
                var run = shell.Run($"Test-AzVmBackupReadiness -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm -OutputFormat JUnit -OutputPath '{junit}' -Assert");

                var error = Assert.Single(run.Errors);
                Assert.Equal("ReadinessAssertionFailed,AzBackupTroubleshoot.Commands.TestAzVmBackupReadinessCommand", error.FullyQualifiedErrorId);
                Assert.Contains("RestorePoint.Limit", error.Exception.Message, StringComparison.Ordinal);

                var suites = XDocument.Load(junit).Root!;
                Assert.Equal("testsuites", suites.Name.LocalName);
                var cases = suites.Descendants("testcase").ToList();
                Assert.Equal(26, cases.Count);
                Assert.Contains(cases, c => (string?)c.Attribute("name") == "RestorePoint.Limit" || ((string?)c.Attribute("name") ?? string.Empty).Contains("RestorePoint.Limit", StringComparison.Ordinal));
                Assert.True(suites.Descendants("failure").Any());

                using var parsed = JsonDocument.Parse(File.ReadAllText(json));
                Assert.Equal("NotReady", parsed.RootElement.GetProperty("vms")[0].GetProperty("verdict").GetString());
            }
            finally
            {
                File.Delete(junit);
                File.Delete(json);
            }
        }

        [Fact]
        public async Task The_token_never_reaches_any_stream()
        {
            var world = Scenarios.Load("healthy-linux");
            await using var shell = await LiveShell.StartAsync(world);

            var run = shell.Run($"Test-AzVmBackupReadiness -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm -Verbose");

            Assert.NotEmpty(run.Verbose);
            var everything = string.Join("\n", run.Output.Select(o => o.ToString()).Concat(run.Verbose).Concat(run.Warnings).Concat(run.Errors.Select(e => e.ToString())));
            Assert.DoesNotContain("fake-token", everything, StringComparison.Ordinal);
        }
    }
}
