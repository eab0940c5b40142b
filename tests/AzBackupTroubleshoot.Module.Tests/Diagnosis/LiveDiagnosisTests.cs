using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Module.Tests.Remediation;

namespace AzBackupTroubleshoot.Module.Tests.Diagnosis
{
    /// <summary>Get-AzBackupFailureDiagnosis on failed jobs read from the fake ARM, judged on the VM's ARM state.</summary>
    public sealed class LiveDiagnosisTests
    {
        [Theory]
        [InlineData("B4-locked-restore-point-group", "B4", "lock-blocks-cleanup", "lock 'backup-rg-do-not-delete' (CanNotDelete) on resource group AzureBackupRG_eastus_1")]
        [InlineData("A12-vm-deleted", "A12", "vm-deleted", "ARM answered 404 for VM 'vm-gone12'")]
        [InlineData("B10-backup-in-progress", "B10", "job-in-progress", "is InProgress")]
        [InlineData("B12-protection-stopped", "B12", "protection-not-active", "is in protection state ProtectionStopped")]
        public async Task A_vms_failed_jobs_fold_into_one_diagnosis_with_the_confirmed_cause_and_its_evidence(string scenario, string knowledgeId, string causeId, string evidence)
        {
            var world = Scenarios.Load(scenario);
            await using var shell = await LiveShell.StartAsync(world);

            var result = shell.Run($"Get-AzBackupFailureDiagnosis -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm");

            Assert.Empty(result.Errors);
            var diagnosis = Assert.Single(result.Output, d => (string)d.Properties["KnowledgeId"].Value == knowledgeId);
            Assert.Equal(world.VmUnderTest, (string)diagnosis.Properties["VmId"].Value, StringComparer.OrdinalIgnoreCase);
            var failedJobs = FailedJobCount(world);
            Assert.True(failedJobs > 0, "the scenario has failed jobs");
            Assert.Equal(failedJobs, (int)diagnosis.Properties["Count"].Value);
            var cause = ((IEnumerable)diagnosis.Properties["Causes"].Value).Cast<object>().Select(PSObject.AsPSObject).Single(c => (string)c.Properties["Id"].Value == causeId);
            Assert.Equal("Confirmed", cause.Properties["Status"].Value.ToString());
            Assert.Contains(((IEnumerable)cause.Properties["Evidence"].Value).Cast<string>(), e => e.Contains(evidence, StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public async Task The_remedies_name_the_locked_restore_point_group_and_its_lock_and_hold_no_placeholder()
        {
            var world = Scenarios.Load("B4-locked-restore-point-group");
            await using var shell = await LiveShell.StartAsync(world);
            var subscription = world.VmUnderTest!.Split('/')[2];
            var lockId = $"/subscriptions/{subscription}/resourceGroups/AzureBackupRG_eastus_1/providers/Microsoft.Authorization/locks/backup-rg-do-not-delete";

            var result = shell.Run($"Get-AzBackupFailureDiagnosis -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm");

            Assert.Empty(result.Errors);
            var diagnosis = Assert.Single(result.Output, d => (string)d.Properties["KnowledgeId"].Value == "B4");
            var remedies = ((IEnumerable)diagnosis.Properties["Remedies"].Value).Cast<object>().Select(PSObject.AsPSObject).ToList();
            var runnable = remedies
                .SelectMany(r => ((IEnumerable)r.Properties["Scripts"].Value).Cast<object>().Select(s => (string)PSObject.AsPSObject(s).Properties["Text"].Value)
                    .Append((string?)r.Properties["Command"].Value ?? string.Empty))
                .ToList();
            Assert.Contains(runnable, t => t.Contains("-ResourceGroupName 'AzureBackupRG_eastus_1'", StringComparison.Ordinal)
                && t.Contains($"-LockId '{lockId}'", StringComparison.OrdinalIgnoreCase));
            Assert.All(runnable, t => Assert.DoesNotMatch(@"<\w+>|\{\w+\}", t));
            Assert.All(remedies, r => Assert.False((bool)r.Properties["HasPlaceholders"].Value));
        }

        [Fact]
        public async Task The_whole_subscription_and_a_vault_from_the_pipeline_give_the_same_diagnosis()
        {
            var world = Scenarios.Load("B4-locked-restore-point-group");
            await using var shell = await LiveShell.StartAsync(world);

            var all = shell.Run("Get-AzBackupFailureDiagnosis -All -ArmEndpoint $arm");
            var vaultId = (string)Assert.Single(all.Output).Properties["VaultId"].Value;
            var fromVault = shell.Run($"[pscustomobject]@{{ ID = '{vaultId}'; Name = 'vault'; ResourceGroupName = 'rg' }} | Get-AzBackupFailureDiagnosis -ArmEndpoint $arm");

            Assert.Empty(all.Errors);
            Assert.Empty(fromVault.Errors);
            Assert.Equal("B4", Assert.Single(fromVault.Output).Properties["KnowledgeId"].Value);
            Assert.Equal(all.Output.Single().Properties["JobIds"].Value.ToString(), fromVault.Output.Single().Properties["JobIds"].Value.ToString());
        }

        [Fact]
        public async Task Since_later_than_every_job_finds_nothing()
        {
            var world = Scenarios.Load("B4-locked-restore-point-group");
            await using var shell = await LiveShell.StartAsync(world);

            var result = shell.Run($"Get-AzBackupFailureDiagnosis -ResourceId '{world.VmUnderTest}' -Since ([DateTime]::UtcNow.AddMinutes(1)) -ArmEndpoint $arm");

            Assert.Empty(result.Errors);
            Assert.DoesNotContain(result.Output, d => (string)d.Properties["KnowledgeId"].Value == "B4");
        }

        [Fact]
        public async Task A_vm_that_may_not_be_read_is_a_permission_error_and_its_causes_stay_unknown()
        {
            var world = Scenarios.Load("B4-locked-restore-point-group");
            await using var shell = await LiveShell.StartAsync(world);
            shell.Server.Faults.Forbidden("GET", "/virtualMachines/vm-app24$", "Microsoft.Compute/virtualMachines/read");

            var result = shell.Run("Get-AzBackupFailureDiagnosis -All -ArmEndpoint $arm");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("AuthorizationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
            Assert.Contains("Microsoft.Compute/virtualMachines/read", error.Exception.Message, StringComparison.Ordinal);
            var diagnosis = Assert.Single(result.Output, d => (string)d.Properties["KnowledgeId"].Value == "B4");
            Assert.All(((IEnumerable)diagnosis.Properties["Causes"].Value).Cast<object>().Select(PSObject.AsPSObject), c => Assert.Equal("Unknown", c.Properties["Status"].Value.ToString()));
        }

        private static int FailedJobCount(ArmWorld world)
        {
            lock (world.SyncRoot)
            {
                return world.Subscriptions.SelectMany(s => s.ResourceGroups).SelectMany(g => g.RecoveryServicesVaults).SelectMany(v => v.Jobs)
                    .Count(j => j.Status == "Failed" && string.Equals(j.VirtualMachineId, world.VmUnderTest, StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}
