using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Module.Tests.Remediation
{
    /// <summary>
    /// Clear-AzRestorePointCollection and Restore-AzBackupLock when a run does not end well, in the B4 world:
    /// vm-app24's full collection in AzureBackupRG_eastus_1 under a CanNotDelete lock with notes and an owner.
    /// </summary>
    public sealed class LockSafetyTests : IDisposable
    {
        private const string Scenario = "B4-locked-restore-point-group";
        private const string Subscription = "/subscriptions/" + Scenarios.SubscriptionId;
        private const string Group = Subscription + "/resourceGroups/AzureBackupRG_eastus_1";
        private const string CollectionId = Group + "/providers/Microsoft.Compute/restorePointCollections/AzureBackup_vm-app24_3932916627";
        private const string LockId = Group + "/providers/Microsoft.Authorization/locks/backup-rg-do-not-delete";
        private const string Clear = "Clear-AzRestorePointCollection -ResourceGroupName rg-app -VMName vm-app24 -ArmEndpoint $arm -RemoveLock -Confirm:$false";

        public LockSafetyTests() => TestJournal.Clear();

        public void Dispose() => TestJournal.Clear();

        [Fact]
        public async Task A_subscription_lock_is_refused_without_IncludeSubscriptionLock_and_nothing_is_written()
        {
            var world = Scenarios.Load(Scenario);
            world.AddLock(Subscription, "sub-wide", ArmLockLevel.CanNotDelete, "Whole subscription.");
            var locksBefore = world.LockSnapshot();
            await using var shell = await LiveShell.StartAsync(world);

            var result = shell.Run(Clear);

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("SubscriptionLockRemovalRefused,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
            Assert.Contains("'sub-wide' (CanNotDelete) on " + Subscription, error.Exception.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("-IncludeSubscriptionLock", error.Exception.Message, StringComparison.Ordinal);
            Assert.Empty(shell.Server.Requests.Where(r => r.Method is "PUT" or "DELETE"));
            Assert.Equal(locksBefore, world.LockSnapshot());
        }

        [Fact]
        public async Task With_IncludeSubscriptionLock_the_subscription_lock_is_lifted_too_and_both_are_put_back()
        {
            var world = Scenarios.Load(Scenario);
            world.AddLock(Subscription, "sub-wide", ArmLockLevel.CanNotDelete, "Whole subscription.");
            var locksBefore = world.LockSnapshot();
            await using var shell = await LiveShell.StartAsync(world);

            var result = shell.Run(Clear + " -IncludeSubscriptionLock");

            Assert.Empty(result.Errors);
            Assert.Single(shell.Server.Requests.Where(r => r.Method == "DELETE" && r.Path.EndsWith("/locks/sub-wide", StringComparison.OrdinalIgnoreCase)));
            Assert.False(Exists(world, CollectionId));
            Assert.Equal(locksBefore, world.LockSnapshot());
        }

        [Fact]
        public async Task A_lock_delete_that_committed_but_answered_500_is_put_back_and_reported()
        {
            var world = Scenarios.Load(Scenario);
            var locksBefore = world.LockSnapshot();
            await using var shell = await LiveShell.StartAsync(world);
            shell.Server.Faults.FailAfterApplying("DELETE", "/locks/backup-rg-do-not-delete$", 500);

            var result = shell.Run(Clear + " -PassThru");

            Assert.Empty(result.Errors);
            Assert.Contains(result.Warnings, w => w.Contains(LockId, StringComparison.OrdinalIgnoreCase) && w.Contains("no clear answer", StringComparison.Ordinal));
            var passThru = Assert.Single(result.Output);
            Assert.Equal([LockId], ((System.Collections.IEnumerable)passThru.Properties["UnansweredLockDeletes"].Value).Cast<string>(), StringComparer.OrdinalIgnoreCase);
            Assert.Equal(locksBefore, world.LockSnapshot());
            Assert.False(Exists(world, CollectionId));
        }

        [Fact]
        public async Task Past_TimeoutSec_a_delete_that_never_completes_stops_the_lock_goes_back_and_the_collection_state_is_told()
        {
            var world = Scenarios.Load(Scenario);
            var locksBefore = world.LockSnapshot();
            await using var shell = await LiveShell.StartAsync(world, new FakeArmOptions { LroInProgressPolls = int.MaxValue, LroRetryAfterSeconds = 1 });

            var result = shell.Run(Clear + " -TimeoutSec 3");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("TimedOut,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.Contains(result.Warnings, w => w.Contains(CollectionId, StringComparison.OrdinalIgnoreCase) && w.Contains("still being deleted", StringComparison.Ordinal));
            var steps = shell.Server.Requests.Steps().ToList();
            var first = steps.FindIndex(s => string.Equals(s, "GET " + LockId, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(["GET " + LockId, "DELETE " + LockId, "DELETE " + CollectionId, "POLL", "PUT " + LockId, "GET " + CollectionId], steps.Skip(first), StringComparer.OrdinalIgnoreCase);
            Assert.Equal(locksBefore, world.LockSnapshot());
        }

        [Fact]
        public async Task A_killed_run_leaves_a_journal_every_cmdlet_warns_of_it_and_Restore_AzBackupLock_puts_the_lock_back_exactly()
        {
            var world = Scenarios.Load(Scenario);
            var locksBefore = world.LockSnapshot();
            var journal = KilledRunJournal(world);
            await using var shell = await LiveShell.StartAsync(world);

            var warned = shell.Run("Get-AzBackupKnownIssue -Id A12");
            var warning = Assert.Single(warned.Warnings);
            Assert.Contains("'backup-rg-do-not-delete' (CanNotDelete) on " + Group, warning, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"Restore-AzBackupLock -Path '{journal}'", warning, StringComparison.Ordinal);

            var whatIf = shell.Run("Restore-AzBackupLock -ArmEndpoint $arm -WhatIf");
            Assert.True(whatIf.Errors.Count == 0, string.Join("\n", whatIf.Errors.Select(e => e.FullyQualifiedErrorId + " " + e.Exception)));
            Assert.Empty(shell.Server.Requests.Where(r => r.Method == "PUT"));
            Assert.True(File.Exists(journal));

            // The files as Get-ChildItem gives them (the test engine has only the core cmdlets).
            var restored = shell.Run($"([System.IO.DirectoryInfo]'{TestJournal.Directory}').GetFiles('*.json') | Restore-AzBackupLock -ArmEndpoint $arm -Confirm:$false");

            Assert.Empty(restored.Errors);
            Assert.Equal("Restored", Assert.Single(restored.Output).Properties["Outcome"].Value.ToString());
            var put = Assert.Single(shell.Server.Requests.Where(r => r.Method == "PUT"));
            var expected = JsonNode.Parse("""
                {"level":"CanNotDelete","notes":"Protected by the platform team - do not delete resources in this group.","owners":[{"applicationId":"4d7a1c2e-6b3f-4e8a-9c0d-1f2e3a4b5c6d"}]}
                """);
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(put.Body!)!["properties"]), put.Body);
            Assert.Equal(locksBefore, world.LockSnapshot());
            Assert.False(File.Exists(journal));
            Assert.Empty(shell.Run("Get-AzBackupKnownIssue -Id A12").Warnings);
        }

        [Fact]
        public async Task Restore_AzBackupLock_sends_nothing_for_a_lock_already_in_place_and_closes_the_journal()
        {
            var world = Scenarios.Load(Scenario);
            var journal = KilledRunJournal(world);
            world.Update(w => w.AddLock(Group, "backup-rg-do-not-delete", ArmLockLevel.CanNotDelete, "Protected by the platform team - do not delete resources in this group.", "4d7a1c2e-6b3f-4e8a-9c0d-1f2e3a4b5c6d"));
            await using var shell = await LiveShell.StartAsync(world);

            var result = shell.Run($"Restore-AzBackupLock -Path '{journal}' -ArmEndpoint $arm -Confirm:$false");

            Assert.Empty(result.Errors);
            Assert.Equal("AlreadyInPlace", Assert.Single(result.Output).Properties["Outcome"].Value.ToString());
            Assert.Empty(shell.Server.Requests.Where(r => r.Method is "PUT" or "DELETE"));
            Assert.False(File.Exists(journal));
        }

        /// <summary>What a run killed after lifting the lock leaves: the journal it wrote first, and the lock gone.</summary>
        private static string KilledRunJournal(ArmWorld world)
        {
            var l = world.Locks.Single(x => string.Equals(x.Id, LockId, StringComparison.OrdinalIgnoreCase));
            var document = new JsonObject
            {
                ["version"] = 1,
                ["recordedAt"] = "2025-03-01T02:00:00+00:00",
                ["vmId"] = world.VmUnderTest,
                ["action"] = "DeleteCollection",
                ["deleting"] = new JsonArray(CollectionId),
                ["locks"] = new JsonArray(new JsonObject
                {
                    ["id"] = l.Id,
                    ["scope"] = l.Scope,
                    ["name"] = l.Name,
                    ["level"] = l.Level.ToString(),
                    ["notes"] = l.Notes,
                    ["owners"] = new JsonArray(l.Owners.Select(o => (JsonNode)o!).ToArray()),
                }),
            };
            Directory.CreateDirectory(TestJournal.Directory);
            var path = Path.Combine(TestJournal.Directory, "20250301T020000Z-killed.json");
            File.WriteAllText(path, document.ToJsonString());
            world.Update(w => w.Locks.Remove(l));
            return path;
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
