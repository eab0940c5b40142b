using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Module.Tests.Remediation
{
    /// <summary>
    /// Clear-AzRestorePointCollection in the B4 world: vm-app24's 18 restore points sit in AzureBackupRG_eastus_1
    /// under a CanNotDelete lock; vm-app24-b's collection in the same group and a look-alike in rg-legacy are decoys.
    /// </summary>
    public sealed class ClearRestorePointCollectionTests : IDisposable
    {
        private const string Scenario = "B4-locked-restore-point-group";
        private const string Group = "/subscriptions/" + Scenarios.SubscriptionId + "/resourceGroups/AzureBackupRG_eastus_1";
        private const string CollectionId = Group + "/providers/Microsoft.Compute/restorePointCollections/AzureBackup_vm-app24_3932916627";
        private const string LockId = Group + "/providers/Microsoft.Authorization/locks/backup-rg-do-not-delete";
        private const string Clear = "Clear-AzRestorePointCollection -ResourceGroupName rg-app -VMName vm-app24 -ArmEndpoint $arm";

        // A run whose lock could not be put back keeps its journal by design: no later test may find it.
        public ClearRestorePointCollectionTests() => TestJournal.Clear();

        public void Dispose() => TestJournal.Clear();

        [Fact]
        public async Task Without_RemoveLock_the_error_names_the_lock_and_nothing_is_written()
        {
            await using var shell = await LiveShell.StartAsync(Scenarios.Load(Scenario));

            var result = shell.Run(Clear + " -Confirm:$false");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("RestorePointLockPresent,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
            Assert.Contains("'backup-rg-do-not-delete' (CanNotDelete)", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("-RemoveLock", error.Exception.Message, StringComparison.Ordinal);
            AssertNoWrites(shell);
        }

        [Fact]
        public async Task A_collection_id_alone_targets_the_vm_it_was_made_from()
        {
            var world = Scenarios.Load(Scenario);
            var locksBefore = world.LockSnapshot();
            var decoys = DecoyCollections(world);
            await using var shell = await LiveShell.StartAsync(world);

            var result = shell.Run($"Clear-AzRestorePointCollection -RestorePointCollectionId '{CollectionId}' -ArmEndpoint $arm -RemoveLock -Confirm:$false -PassThru");

            Assert.Empty(result.Errors);
            Assert.False(Exists(world, CollectionId));
            Assert.All(decoys, id => Assert.True(Exists(world, id), id));
            Assert.Equal(locksBefore, world.LockSnapshot());
            Assert.EndsWith("/virtualMachines/vm-app24", (string)Assert.Single(result.Output).Properties["VmId"].Value, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public async Task An_id_that_is_not_a_collection_is_refused_before_any_request()
        {
            await using var shell = await LiveShell.StartAsync(Scenarios.Load(Scenario));
            shell.Server.Requests.Clear();

            var result = shell.Run($"Clear-AzRestorePointCollection -RestorePointCollectionId '{Group}' -ArmEndpoint $arm -RemoveLock -Confirm:$false");

            Assert.StartsWith("InvalidRestorePointCollectionId,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(0, shell.Server.Requests.Total);
        }

        [Fact]
        public async Task WhatIf_lists_lock_collection_with_its_count_and_order_and_sends_no_write()
        {
            await using var shell = await LiveShell.StartAsync(Scenarios.Load(Scenario));

            var result = shell.Run(Clear + " -RemoveLock -WhatIf -Verbose");

            Assert.Empty(result.Errors);
            var remove = result.Verbose.ToList().FindIndex(v => v.StartsWith("Record and remove lock 'backup-rg-do-not-delete' (CanNotDelete)", StringComparison.Ordinal));
            var delete = result.Verbose.ToList().FindIndex(v => v.StartsWith("Delete restore point collection 'AzureBackup_vm-app24_3932916627' in AzureBackupRG_eastus_1 (18 restore points)", StringComparison.Ordinal));
            var restore = result.Verbose.ToList().FindIndex(v => v.StartsWith("Re-create lock 'backup-rg-do-not-delete' (CanNotDelete)", StringComparison.Ordinal));
            Assert.True(remove >= 0 && remove < delete && delete < restore, string.Join(Environment.NewLine, result.Verbose));
            Assert.DoesNotContain(result.Verbose, v => v.Contains("vm-app24-b", StringComparison.Ordinal) || v.Contains("rg-legacy", StringComparison.Ordinal));
            AssertNoWrites(shell);
        }

        [Fact]
        public async Task With_RemoveLock_the_lock_is_read_lifted_the_collection_deleted_and_the_lock_put_back_identically()
        {
            var world = Scenarios.Load(Scenario);
            var locksBefore = world.LockSnapshot();
            var decoys = DecoyCollections(world);
            await using var shell = await LiveShell.StartAsync(world);

            var result = shell.Run(Clear + " -RemoveLock -Confirm:$false -PassThru");

            Assert.Empty(result.Errors);
            var steps = shell.Server.Requests.Steps();
            var first = steps.ToList().FindIndex(s => string.Equals(s, "GET " + LockId, StringComparison.OrdinalIgnoreCase));
            Assert.True(first >= 0, string.Join(Environment.NewLine, steps));
            Assert.Equal(["GET " + LockId, "DELETE " + LockId, "DELETE " + CollectionId, "POLL", "PUT " + LockId], steps.Skip(first), StringComparer.OrdinalIgnoreCase);
            var put = shell.Server.Requests.Where(r => r.Method == "PUT").Single();
            var expected = JsonNode.Parse("""
                {"level":"CanNotDelete","notes":"Protected by the platform team - do not delete resources in this group.","owners":[{"applicationId":"4d7a1c2e-6b3f-4e8a-9c0d-1f2e3a4b5c6d"}]}
                """);
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(put.Body!)!["properties"]), put.Body);
            Assert.Equal(locksBefore, world.LockSnapshot());
            Assert.False(Exists(world, CollectionId));
            Assert.All(decoys, id => Assert.True(Exists(world, id), id));
            var passThru = Assert.Single(result.Output);
            Assert.Equal(true, passThru.Properties["Succeeded"].Value);
            Assert.Equal("DeleteCollection", passThru.Properties["Action"].Value);
        }

        [Fact]
        public async Task Targets_come_from_a_Get_AzVM_object_or_a_diagnosis_on_the_pipeline()
        {
            await using var shell = await LiveShell.StartAsync(Scenarios.Load(Scenario));
            var vmId = shell.World.VmUnderTest;

            var fromVm = shell.Run($"[pscustomobject]@{{ Id = '{vmId}'; Name = 'vm-app24'; ResourceGroupName = 'rg-app' }} | Clear-AzRestorePointCollection -ArmEndpoint $arm -RemoveLock -WhatIf -Verbose");
            var fromDiagnosis = shell.Run($"[pscustomobject]@{{ VmId = '{vmId}' }} | Clear-AzRestorePointCollection -ArmEndpoint $arm -RemoveLock -WhatIf -Verbose");

            Assert.Empty(fromVm.Errors);
            Assert.Empty(fromDiagnosis.Errors);
            Assert.Contains(fromVm.Verbose, v => v.Contains("AzureBackup_vm-app24_3932916627", StringComparison.Ordinal));
            Assert.Contains(fromDiagnosis.Verbose, v => v.Contains("AzureBackup_vm-app24_3932916627", StringComparison.Ordinal));
            AssertNoWrites(shell);
        }

        [Theory]
        [InlineData(409, "ScopeLocked")]
        [InlineData(500, "InternalServerError")]
        public async Task A_failing_collection_delete_is_the_error_and_the_lock_is_back(int status, string code)
        {
            var world = Scenarios.Load(Scenario);
            var locksBefore = world.LockSnapshot();
            await using var shell = await LiveShell.StartAsync(world);
            shell.Server.Faults.Respond("DELETE", "/restorePointCollections/", status, code);

            var result = shell.Run(Clear + " -RemoveLock -Confirm:$false");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("RestorePointCleanupFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains(code, error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(locksBefore, world.LockSnapshot());
            Assert.True(Exists(world, CollectionId));
        }

        [Fact]
        public async Task Stopping_the_pipeline_during_a_hung_delete_puts_the_lock_back()
        {
            var world = Scenarios.Load(Scenario);
            var locksBefore = world.LockSnapshot();
            await using var shell = await LiveShell.StartAsync(world);
            var hang = shell.Server.Faults.Hang("DELETE", "/restorePointCollections/");
            using var pipeline = shell.Create(Clear + " -RemoveLock -Confirm:$false");

            var running = pipeline.BeginInvoke();
            await hang.WaitForHitAsync();
            Assert.Empty(world.LockSnapshot());
            pipeline.Stop();

            Assert.Throws<PipelineStoppedException>(() => pipeline.EndInvoke(running));
            Assert.Equal(locksBefore, world.LockSnapshot());
            Assert.True(Exists(world, CollectionId));
        }

        [Fact]
        public async Task A_lock_that_cannot_be_put_back_is_an_error_with_the_New_AzResourceLock_command()
        {
            var world = Scenarios.Load(Scenario);
            await using var shell = await LiveShell.StartAsync(world);
            shell.Server.Faults.Forbidden("PUT", "/locks/backup-rg-do-not-delete$", "Microsoft.Authorization/locks/write");

            var result = shell.Run(Clear + " -RemoveLock -Confirm:$false");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("LockRestoreFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(LockId, (string)error.TargetObject, StringComparer.OrdinalIgnoreCase);
            const string Command = "New-AzResourceLock -LockName 'backup-rg-do-not-delete' -LockLevel 'CanNotDelete' -ResourceGroupName 'AzureBackupRG_eastus_1' -LockNotes 'Protected by the platform team - do not delete resources in this group.' -Force";
            Assert.Contains(Command, error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(Command, error.ErrorDetails.RecommendedAction);
            Assert.Empty(world.LockSnapshot());
            Assert.False(Exists(world, CollectionId));
        }

        [Fact]
        public async Task OnDemandBackup_starts_a_backup_deletes_nothing_and_warns_that_cleanup_follows_within_hours()
        {
            var world = Scenarios.Load("B4-restore-point-limit");
            await using var shell = await LiveShell.StartAsync(world);

            var result = shell.Run($"Clear-AzRestorePointCollection -ResourceId '{world.VmUnderTest}' -Method OnDemandBackup -ArmEndpoint $arm -Confirm:$false -PassThru");

            Assert.Empty(result.Errors);
            Assert.Contains(result.Warnings, w => w.Contains("within hours", StringComparison.Ordinal));
            Assert.Single(shell.Server.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/backup", StringComparison.OrdinalIgnoreCase)));
            Assert.Empty(shell.Server.Requests.Where(r => r.Method == "DELETE"));
            Assert.Equal("OnDemandBackup", Assert.Single(result.Output).Properties["Action"].Value);
        }

        private static void AssertNoWrites(LiveShell shell) =>
            Assert.Empty(shell.Server.Requests.Where(r => r.Method is "PUT" or "DELETE" or "PATCH"
                || (r.Method == "POST" && !r.Path.EndsWith("/backupStatus", StringComparison.OrdinalIgnoreCase))));

        private static string[] DecoyCollections(ArmWorld world)
        {
            lock (world.SyncRoot)
            {
                return world.AllRestorePointCollections().Select(c => c.Id).Where(id => !string.Equals(id, CollectionId, StringComparison.OrdinalIgnoreCase)).ToArray();
            }
        }

        private static bool Exists(ArmWorld world, string collectionId)
        {
            lock (world.SyncRoot)
            {
                return world.AllRestorePointCollections().Any(c => string.Equals(c.Id, collectionId, StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}
