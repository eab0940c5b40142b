using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Remediation;
using static AzBackupTroubleshoot.Engine.Tests.Remediation.RemediationFixture;

namespace AzBackupTroubleshoot.Engine.Tests.Remediation;

/// <summary>
/// Core's lock-safe executor over <see cref="Engine.Remediation.ArmRemediationTarget"/> against the fake ARM, in the
/// B4 world: vm-app24's full collection sits in AzureBackupRG_eastus_1 under a CanNotDelete lock with notes and an owner.
/// </summary>
public class RestorePointCleanupTests
{
    private const string Scenario = "B4-locked-restore-point-group";
    private const string Group = "/subscriptions/" + Scenarios.SubscriptionId + "/resourceGroups/AzureBackupRG_eastus_1";
    private const string CollectionId = Group + "/providers/Microsoft.Compute/restorePointCollections/AzureBackup_vm-app24_3932916627";
    private const string GroupLockId = Group + "/providers/Microsoft.Authorization/locks/backup-rg-do-not-delete";
    private const string CollectionLockId = CollectionId + "/providers/Microsoft.Authorization/locks/rpc-readonly";

    [Fact]
    public async Task Each_lock_is_read_and_lifted_the_collection_deleted_to_the_end_and_each_lock_put_back_as_it_was()
    {
        var world = Scenarios.Load(Scenario);
        world.AddLock(CollectionId, "rpc-readonly", ArmLockLevel.ReadOnly);
        var locksBefore = LocksOf(world);
        await using var fake = await FakeArmSession.StartAsync(world);
        var (evidence, plan) = await PlanCleanupAsync(fake, CleanupMethod.DeleteCollection);
        fake.Server.Requests.Clear();

        var result = await Executor(fake).CleanUpAsync(plan, evidence, default);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal([CollectionId], result.DeletedCollections, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(
            [
                "GET " + GroupLockId, "DELETE " + GroupLockId,
                "GET " + CollectionLockId, "DELETE " + CollectionLockId,
                "DELETE " + CollectionId, "POLL",
                "PUT " + GroupLockId, "PUT " + CollectionLockId,
            ],
            Steps(fake.Server.Requests.All),
            StringComparer.OrdinalIgnoreCase);
        Assert.Equal(202, fake.Server.Requests.Where(r => r.Method == "DELETE" && r.Path.EndsWith("AzureBackup_vm-app24_3932916627", StringComparison.Ordinal)).Single().Status);
        Assert.False(CollectionExists(world, CollectionId));

        var groupLock = JsonNode.Parse(PutBody(fake, GroupLockId))!["properties"];
        var original = JsonNode.Parse("""
            {"level":"CanNotDelete","notes":"Protected by the platform team - do not delete resources in this group.","owners":[{"applicationId":"4d7a1c2e-6b3f-4e8a-9c0d-1f2e3a4b5c6d"}]}
            """);
        Assert.True(JsonNode.DeepEquals(original, groupLock), groupLock?.ToJsonString());
        var collectionLock = JsonNode.Parse(PutBody(fake, CollectionLockId))!["properties"];
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"level":"ReadOnly"}"""), collectionLock), collectionLock?.ToJsonString());
        Assert.Equal(locksBefore, LocksOf(world));
    }

    [Fact]
    public async Task A_lock_set_after_planning_makes_the_delete_fail_with_scope_locked_and_every_lock_is_back()
    {
        var world = Scenarios.Load(Scenario);
        await using var fake = await FakeArmSession.StartAsync(world);
        var (evidence, plan) = await PlanCleanupAsync(fake, CleanupMethod.DeleteCollection);
        world.Update(w => w.AddLock(CollectionId, "set-meanwhile", ArmLockLevel.CanNotDelete));
        var locksBefore = LocksOf(world);

        var result = await Executor(fake).CleanUpAsync(plan, evidence, default);

        var error = Assert.IsType<ArmRequestException>(result.Error);
        Assert.Equal(409, error.Status);
        Assert.Equal("ScopeLocked", error.ErrorCode);
        AssertNothingDeletedAndTheLockBack(result, world, locksBefore);
    }

    [Fact]
    public async Task A_delete_that_fails_after_every_retry_is_the_error_and_the_lock_is_back()
    {
        var world = Scenarios.Load(Scenario);
        var locksBefore = LocksOf(world);
        await using var fake = await FakeArmSession.StartAsync(world);
        var (evidence, plan) = await PlanCleanupAsync(fake, CleanupMethod.DeleteCollection);
        fake.Server.Faults.Respond("DELETE", "/restorePointCollections/", 500, "InternalServerError");

        var result = await Executor(fake).CleanUpAsync(plan, evidence, default);

        var error = Assert.IsType<ArmRequestException>(result.Error);
        Assert.Equal(500, error.Status);
        Assert.Equal("InternalServerError", error.ErrorCode);
        Assert.Equal(6, fake.Server.Requests.Count(r => r.Method == "DELETE" && r.Path.Contains("/restorePointCollections/", StringComparison.Ordinal)));
        AssertNothingDeletedAndTheLockBack(result, world, locksBefore);
    }

    [Fact]
    public async Task A_delete_that_hangs_until_cancelled_ends_cancelled_with_the_lock_back()
    {
        var world = Scenarios.Load(Scenario);
        var locksBefore = LocksOf(world);
        await using var fake = await FakeArmSession.StartAsync(world);
        var (evidence, plan) = await PlanCleanupAsync(fake, CleanupMethod.DeleteCollection);
        var hang = fake.Server.Faults.Hang("DELETE", "/restorePointCollections/");
        using var cancel = new CancellationTokenSource();

        var running = Executor(fake).CleanUpAsync(plan, evidence, cancel.Token);
        await hang.WaitForHitAsync();
        Assert.Empty(LocksOf(world));
        await cancel.CancelAsync();
        var result = await running;

        Assert.True(result.Cancelled);
        Assert.Null(result.Error);
        AssertNothingDeletedAndTheLockBack(result, world, locksBefore);
    }

    [Fact]
    public async Task A_lock_that_cannot_be_put_back_is_named_with_the_command_that_puts_it_back()
    {
        var world = Scenarios.Load(Scenario);
        await using var fake = await FakeArmSession.StartAsync(world);
        var (evidence, plan) = await PlanCleanupAsync(fake, CleanupMethod.DeleteCollection);
        fake.Server.Faults.Forbidden("PUT", "/locks/backup-rg-do-not-delete$", "Microsoft.Authorization/locks/write");

        var result = await Executor(fake).CleanUpAsync(plan, evidence, default);

        Assert.Null(result.Error);
        Assert.False(result.Succeeded);
        Assert.Equal([CollectionId], result.DeletedCollections, StringComparer.OrdinalIgnoreCase);
        var failure = Assert.Single(result.LockRestoreFailures);
        Assert.Equal("backup-rg-do-not-delete", failure.Lock.Name);
        var refused = Assert.IsType<ArmRequestException>(failure.Error);
        Assert.Equal("Microsoft.Authorization/locks/write", refused.RefusedAction);
        Assert.Equal(
            "New-AzResourceLock -LockName 'backup-rg-do-not-delete' -LockLevel 'CanNotDelete' -ResourceGroupName 'AzureBackupRG_eastus_1' -LockNotes 'Protected by the platform team - do not delete resources in this group.' -Force",
            failure.RecreateCommand);
        Assert.Empty(LocksOf(world));
    }

    [Fact]
    public async Task A_lock_changed_since_it_was_recorded_is_left_alone_and_nothing_is_deleted()
    {
        var world = Scenarios.Load(Scenario);
        await using var fake = await FakeArmSession.StartAsync(world);
        var (evidence, plan) = await PlanCleanupAsync(fake, CleanupMethod.DeleteCollection);
        world.Update(w => w.Locks.Single().Notes = "Changed by the platform team.");
        var locksBefore = LocksOf(world);
        fake.Server.Requests.Clear();

        var result = await Executor(fake).CleanUpAsync(plan, evidence, default);

        var error = Assert.IsType<InvalidOperationException>(result.Error);
        Assert.Contains("backup-rg-do-not-delete", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.RemovedLocks);
        Assert.Equal(["GET " + GroupLockId], Steps(fake.Server.Requests.All), StringComparer.OrdinalIgnoreCase);
        Assert.True(CollectionExists(world, CollectionId));
        Assert.Equal(locksBefore, LocksOf(world));
    }

    private static void AssertNothingDeletedAndTheLockBack(RemediationResult result, ArmWorld world, IReadOnlyList<string> locksBefore)
    {
        Assert.False(result.Succeeded);
        Assert.Empty(result.DeletedCollections);
        Assert.Equal([GroupLockId], result.RestoredLocks, StringComparer.OrdinalIgnoreCase);
        Assert.Empty(result.LockRestoreFailures);
        Assert.True(CollectionExists(world, CollectionId));
        Assert.Equal(locksBefore, LocksOf(world));
    }

    private static string PutBody(FakeArmSession fake, string lockId) =>
        fake.Server.Requests.Where(r => r.Method == "PUT" && string.Equals(r.Path, lockId, StringComparison.OrdinalIgnoreCase)).Single().Body!;
}
