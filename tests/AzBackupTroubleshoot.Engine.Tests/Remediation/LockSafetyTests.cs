using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Remediation;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Remediation;
using static AzBackupTroubleshoot.Engine.Tests.Remediation.RemediationFixture;

namespace AzBackupTroubleshoot.Engine.Tests.Remediation;

/// <summary>
/// The lock-safe executor over ARM when answers are lost or never come, in the B4 world: vm-app24's full collection
/// in AzureBackupRG_eastus_1 under a CanNotDelete lock with notes and an owner.
/// </summary>
public class LockSafetyTests
{
    private const string Scenario = "B4-locked-restore-point-group";
    private const string Group = "/subscriptions/" + Scenarios.SubscriptionId + "/resourceGroups/AzureBackupRG_eastus_1";
    private const string CollectionId = Group + "/providers/Microsoft.Compute/restorePointCollections/AzureBackup_vm-app24_3932916627";
    private const string LockId = Group + "/providers/Microsoft.Authorization/locks/backup-rg-do-not-delete";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_lock_delete_that_committed_but_answered_500_or_dropped_the_connection_is_read_back_counted_and_put_back(bool dropConnection)
    {
        var world = Scenarios.Load(Scenario);
        var locksBefore = LocksOf(world);
        await using var fake = await FakeArmSession.StartAsync(world);
        var (evidence, plan) = await PlanCleanupAsync(fake, CleanupMethod.DeleteCollection);
        var lost = dropConnection
            ? fake.Server.Faults.DropAfterApplying("DELETE", "/locks/backup-rg-do-not-delete$")
            : fake.Server.Faults.FailAfterApplying("DELETE", "/locks/backup-rg-do-not-delete$", 500);
        fake.Server.Requests.Clear();

        var result = await Executor(fake).CleanUpAsync(plan, evidence, default);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal([LockId], result.UnansweredLockDeletes, StringComparer.OrdinalIgnoreCase);
        Assert.Equal([LockId], result.RemovedLocks, StringComparer.OrdinalIgnoreCase);
        Assert.Equal([LockId], result.RestoredLocks, StringComparer.OrdinalIgnoreCase);
        Assert.True(lost.Hits >= 1);
        var steps = Steps(fake.Server.Requests.All).Where(s => s != "DELETE " + LockId).ToList();
        Assert.Equal(["GET " + LockId, "GET " + LockId, "DELETE " + CollectionId, "POLL", "PUT " + LockId], steps, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(404, fake.Server.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("backup-rg-do-not-delete", StringComparison.OrdinalIgnoreCase)).Last().Status);
        Assert.False(CollectionExists(world, CollectionId));
        Assert.Equal(locksBefore, LocksOf(world));
    }

    [Fact]
    public async Task A_lock_delete_answered_500_without_removing_the_lock_is_the_error_and_nothing_is_put_back()
    {
        var world = Scenarios.Load(Scenario);
        var locksBefore = LocksOf(world);
        await using var fake = await FakeArmSession.StartAsync(world);
        var (evidence, plan) = await PlanCleanupAsync(fake, CleanupMethod.DeleteCollection);
        fake.Server.Faults.Respond("DELETE", "/locks/backup-rg-do-not-delete$", 500, "InternalServerError");

        var result = await Executor(fake).CleanUpAsync(plan, evidence, default);

        Assert.Equal(500, Assert.IsType<AzBackupTroubleshoot.Engine.Rest.ArmRequestException>(result.Error).Status);
        Assert.Empty(result.RemovedLocks);
        Assert.Empty(result.UnansweredLockDeletes);
        Assert.Empty(fake.Server.Requests.Where(r => r.Method == "PUT"));
        Assert.True(CollectionExists(world, CollectionId));
        Assert.Equal(locksBefore, LocksOf(world));
    }

    [Fact]
    public async Task A_collection_delete_that_never_completes_is_stopped_at_the_deadline_the_lock_put_back_and_the_collection_read()
    {
        var world = Scenarios.Load(Scenario);
        var locksBefore = LocksOf(world);
        await using var fake = await FakeArmSession.StartAsync(world, new FakeArmOptions { LroInProgressPolls = int.MaxValue, LroRetryAfterSeconds = 1 });
        var (evidence, plan) = await PlanCleanupAsync(fake, CleanupMethod.DeleteCollection);
        fake.Server.Requests.Clear();
        var executor = new RemediationExecutor(new ArmRemediationTarget(fake.Session), TimeSpan.FromSeconds(30)) { Timeout = TimeSpan.FromSeconds(3) };

        var result = await executor.CleanUpAsync(plan, evidence, default);

        Assert.True(result.TimedOut);
        Assert.IsType<TimeoutException>(result.Error);
        Assert.Equal(
            ["GET " + LockId, "DELETE " + LockId, "DELETE " + CollectionId, "POLL", "PUT " + LockId, "GET " + CollectionId],
            Steps(fake.Server.Requests.All),
            StringComparer.OrdinalIgnoreCase);
        var state = Assert.Single(result.CollectionStates);
        Assert.Equal(CollectionState.Deleting, state.State);
        Assert.Equal(locksBefore, LocksOf(world));
    }

    [Fact]
    public async Task A_journal_is_written_before_the_lock_DELETE_with_the_lock_as_it_was_and_removed_once_it_is_back()
    {
        var directory = Path.Combine(Path.GetTempPath(), "azbt-journal-" + Guid.NewGuid().ToString("N"));
        try
        {
            var world = Scenarios.Load(Scenario);
            await using var fake = await FakeArmSession.StartAsync(world);
            var (evidence, plan) = await PlanCleanupAsync(fake, CleanupMethod.DeleteCollection);
            LockJournalEntry? seenAtDelete = null;
            var journal = new LockJournalFile(directory);
            var executor = new RemediationExecutor(new ArmRemediationTarget(fake.Session), TimeSpan.FromSeconds(30), line =>
            {
                if (line.StartsWith("Removing lock", StringComparison.Ordinal))
                {
                    seenAtDelete = LockJournalFile.Read(System.IO.Directory.EnumerateFiles(directory).Single());
                }
            })
            { Journal = journal };

            var result = await executor.CleanUpAsync(plan, evidence, default);

            Assert.True(result.Succeeded, result.Error?.ToString());
            Assert.NotNull(seenAtDelete);
            var recorded = Assert.Single(seenAtDelete!.Locks);
            Assert.Equal(LockId, recorded.ResourceId, StringComparer.OrdinalIgnoreCase);
            Assert.True(recorded.IsSameLockAs(plan.Locks.Single()));
            Assert.Equal("Protected by the platform team - do not delete resources in this group.", recorded.Notes);
            Assert.Equal(["4d7a1c2e-6b3f-4e8a-9c0d-1f2e3a4b5c6d"], recorded.Owners);
            Assert.Equal([CollectionId], seenAtDelete.Deleting, StringComparer.OrdinalIgnoreCase);
            Assert.NotNull(seenAtDelete.RecordedAt);
            Assert.Empty(System.IO.Directory.EnumerateFiles(directory));
        }
        finally
        {
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
    }
}
