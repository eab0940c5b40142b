using System;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests.Collection;

/// <summary>Each scenario world of the fake ARM, collected for its VM under test, yields the evidence it describes.</summary>
public class ScenarioCollectionTests
{
    [Theory]
    [InlineData("healthy-windows", "Windows", "VMSnapshot")]
    [InlineData("healthy-linux", "Linux", "VMSnapshotLinux")]
    public async Task Healthy_vms_have_every_part_and_a_working_backup_extension(string scenario, string osType, string extensionType)
    {
        var evidence = await CollectAsync(scenario);

        Assert.Empty(evidence.Gaps);
        Assert.True(evidence.Exists);
        Assert.Equal(osType, evidence.OsType);
        Assert.Equal("running", evidence.PowerState);
        var extension = Assert.Single(evidence.Extensions!, e => e.IsBackupExtension);
        Assert.Equal(extensionType, extension.Type);
        Assert.Equal("Succeeded", extension.ProvisioningState);
        Assert.Equal("Protected", evidence.Protection?.ProtectionStatus);
        Assert.NotNull(evidence.Locks);
        Assert.NotNull(evidence.RestorePointCollections);
        Assert.NotNull(evidence.RecentJobs);
        Assert.NotNull(evidence.DenyPolicies);
    }

    [Fact]
    public async Task A3_transitional_state_is_visible()
    {
        var evidence = await CollectAsync("A3-transitional-state");
        Assert.DoesNotContain(evidence.PowerState, new[] { "running", "stopped", "deallocated" });
    }

    [Fact]
    public async Task A9_backup_extension_stuck_in_deletion()
    {
        var evidence = await CollectAsync("A9-extension-deleting");
        Assert.Contains(evidence.Extensions!, e => e.IsBackupExtension && e.ProvisioningState is "Deleting" or "Failed");
    }

    [Fact]
    public async Task A12_deleted_vm_still_protected()
    {
        var evidence = await CollectAsync("A12-vm-deleted");
        Assert.False(evidence.Exists);
        Assert.NotNull(evidence.Protection?.ProtectedItemId);
    }

    [Fact]
    public async Task A14_no_agent()
    {
        var evidence = await CollectAsync("A14-no-agent");
        Assert.Null(evidence.Agent);
        Assert.False(evidence.ProvisionVmAgent);
    }

    [Fact]
    public async Task A18_deny_policy_on_groups_or_tags()
    {
        var evidence = await CollectAsync("A18-deny-policy");
        Assert.Contains(evidence.DenyPolicies!, p => p.TargetsResourceGroupsOrTags && string.Equals(p.Effect, "deny", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task B1_agent_not_ready()
    {
        var evidence = await CollectAsync("B1-agent-not-ready");
        Assert.Contains(evidence.Agent!.Statuses, s => s.DisplayStatus == "Not Ready");
    }

    [Fact]
    public async Task B3_provisioning_failed()
    {
        var evidence = await CollectAsync("B3-provisioning-failed");
        Assert.Equal("failed", evidence.ProvisioningState);
    }

    [Fact]
    public async Task B4_locked_restore_point_group_matched_by_source_id()
    {
        var evidence = await CollectAsync("B4-locked-restore-point-group");
        var collection = Assert.Single(evidence.RestorePointCollections!);
        Assert.Equal(18, collection.RestorePointCount);
        Assert.StartsWith("AzureBackupRG_", collection.ResourceGroupName, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(evidence.Locks!, l => !l.Inherited && l.Level == "CanNotDelete" && string.Equals(l.ResourceGroupName, collection.ResourceGroupName, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task B4_restore_point_limit_without_locks()
    {
        var evidence = await CollectAsync("B4-restore-point-limit");
        var collection = Assert.Single(evidence.RestorePointCollections!);
        Assert.Equal(18, collection.RestorePointCount);
        Assert.DoesNotContain(evidence.Locks!, l => string.Equals(l.ResourceGroupName, collection.ResourceGroupName, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task B5_key_vault_without_access_for_the_backup_service()
    {
        var evidence = await CollectAsync("B5-keyvault-no-access");
        Assert.True(evidence.Encryption!.IsEncrypted);
        Assert.False(evidence.Encryption.BackupServiceHasKeyVaultAccess);
    }

    [Fact]
    public async Task B9_disk_too_large()
    {
        var evidence = await CollectAsync("B9-disk-too-large");
        Assert.Contains(evidence.Disks!, d => d.SizeGb > 32767 || (d.AdeEncrypted && d.SizeGb > 4095));
    }

    [Fact]
    public async Task B10_backup_in_progress()
    {
        var evidence = await CollectAsync("B10-backup-in-progress");
        Assert.Contains(evidence.RecentJobs!, j => j.Status == "InProgress");
    }

    [Fact]
    public async Task B12_protection_stopped()
    {
        var evidence = await CollectAsync("B12-protection-stopped");
        Assert.NotNull(evidence.Protection?.ProtectionState);
        Assert.NotEqual("Protected", evidence.Protection!.ProtectionState);
    }

    [Fact]
    public async Task C12_old_windows_agent()
    {
        var evidence = await CollectAsync("C12-old-windows-agent");
        Assert.True(Version.Parse(evidence.Agent!.Version!) < new Version(2, 6, 1198, 718));
    }

    private static async Task<VmEvidence> CollectAsync(string scenario)
    {
        var world = Scenarios.Load(scenario);
        var id = new Azure.Core.ResourceIdentifier(world.VmUnderTest!);
        await using var fake = await FakeArmSession.StartAsync(world);
        return await new VmEvidenceCollector(fake.Session)
            .CollectAsync(new VmIdentity(id.ToString(), id.SubscriptionId!, id.ResourceGroupName!, id.Name), default);
    }
}
