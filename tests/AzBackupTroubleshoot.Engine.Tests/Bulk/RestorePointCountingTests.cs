using System.Collections.Generic;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Collection.Bulk;
using AzBackupTroubleshoot.Engine.RecoveryServices;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Tests.Bulk;

public class RestorePointCountingTests
{
    private static readonly RestorePointCollectionEvidence[] OneCollection =
        [new("/subscriptions/s/resourceGroups/AzureBackupRG_eastus_1/providers/Microsoft.Compute/restorePointCollections/AzureBackup_vm_1", "AzureBackup_vm_1", "AzureBackupRG_eastus_1", "/vm", null)];

    private static readonly LockEvidence[] NoLocks = [];

    [Theory]
    [InlineData("400262", "UserErrorRpCollectionLimitReached", true)] // a full collection is a documented cause
    [InlineData("0", "An internal error nobody documented occurred.", true)] // unrecognised: could be anything
    [InlineData("0", "ExtensionOperationFailedForManagedDisks", false)] // documented causes of its own
    [InlineData("0", "UserErrorGuestAgentStatusUnavailable", false)]
    public void A_failed_job_is_counted_only_when_a_full_collection_could_explain_it(string code, string message, bool expected)
    {
        JobEvidence[] jobs = [FailedJob(new JobError(code, message, []))];

        Assert.Equal(expected, RestorePointCounting.IsWorthCounting(OneCollection, NoLocks, [Item("Protected", "Failed", "ActionRequired")], jobs));
    }

    [Fact]
    public void A_failed_job_without_an_error_is_counted()
    {
        Assert.True(RestorePointCounting.IsWorthCounting(OneCollection, NoLocks, [Item("Protected", "Failed", "ActionRequired")], [FailedJob()]));
    }

    [Fact]
    public void An_unhealthy_item_without_a_recent_failed_job_is_counted()
    {
        Assert.True(RestorePointCounting.IsWorthCounting(OneCollection, NoLocks, [Item("Protected", "Failed", "ActionRequired")], []));
        Assert.False(RestorePointCounting.IsWorthCounting(OneCollection, NoLocks, [Item("Protected", "Completed", "Passed")], []));
    }

    [Theory]
    [InlineData("ProtectionStopped", true)]
    [InlineData("ProtectionPaused", true)]
    [InlineData("IRPending", false)]
    [InlineData("Protected", false)]
    public void Nothing_trims_a_collection_whose_protection_has_stopped(string state, bool expected)
    {
        Assert.Equal(expected, RestorePointCounting.IsWorthCounting(OneCollection, NoLocks, [Item(state, "Completed", "Passed")], []));
    }

    [Fact]
    public void Unknown_parts_a_lock_on_the_collections_group_or_a_second_collection_are_counted()
    {
        ProtectedItemInVault[] healthy = [Item("Protected", "Completed", "Passed")];
        var groupLock = new LockEvidence { ResourceId = "/l", Name = "l", Level = "CanNotDelete", Scope = "/g", ResourceGroupName = "AzureBackupRG_eastus_1" };

        Assert.True(RestorePointCounting.IsWorthCounting(OneCollection, null, healthy, []));
        Assert.True(RestorePointCounting.IsWorthCounting(OneCollection, NoLocks, null, []));
        Assert.True(RestorePointCounting.IsWorthCounting(OneCollection, NoLocks, [], []));
        Assert.True(RestorePointCounting.IsWorthCounting(OneCollection, NoLocks, healthy, null));
        Assert.True(RestorePointCounting.IsWorthCounting(OneCollection, [groupLock], healthy, []));
        Assert.True(RestorePointCounting.IsWorthCounting([OneCollection[0], OneCollection[0] with { Name = "second" }], NoLocks, healthy, []));
        Assert.False(RestorePointCounting.IsWorthCounting([], null, null, null));
    }

    private static JobEvidence FailedJob(params JobError[] errors) => new() { JobId = "j", Status = "Failed", Errors = errors };

    private static ProtectedItemInVault Item(string state, string lastBackup, string health) =>
        new("/vault", new ArmResource<ProtectedItemProperties> { Properties = new ProtectedItemProperties { ProtectionState = state, LastBackupStatus = lastBackup, HealthStatus = health } });
}
