using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Remediation;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Remediation;
using static AzBackupTroubleshoot.Engine.Tests.Remediation.RemediationFixture;

namespace AzBackupTroubleshoot.Engine.Tests.Remediation;

/// <summary>On-demand backups through Recovery Services: the request, the operation followed to its job, and the refusals.</summary>
public class OnDemandBackupTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_cleanup_by_on_demand_backup_posts_the_backup_with_an_expiry_and_returns_the_job_it_started()
    {
        var world = Scenarios.Load("B4-locked-restore-point-group");
        var locksBefore = LocksOf(world);
        await using var fake = await FakeArmSession.StartAsync(world);
        var (evidence, plan) = await PlanCleanupAsync(fake, CleanupMethod.OnDemandBackup);
        fake.Server.Requests.Clear();
        var executor = new RemediationExecutor(new ArmRemediationTarget(fake.Session, recoveryPointRetention: null, () => Now), TimeSpan.FromSeconds(30));

        var result = await executor.CleanUpAsync(plan, evidence, default);

        Assert.True(result.Succeeded, result.Error?.ToString());
        var item = evidence.Protection!.ProtectedItemId!;
        Assert.Equal(
            ["GET", "DELETE", "POST " + item + "/backup", "POLL", "PUT"],
            Steps(fake.Server.Requests.All).Select(s => s.StartsWith("POST", StringComparison.Ordinal) ? s : s.Split(' ')[0]),
            StringComparer.OrdinalIgnoreCase);
        var post = fake.Server.Requests.Where(r => r.Method == "POST").Single();
        var properties = JsonNode.Parse(post.Body!)!["properties"]!;
        Assert.Equal("IaasVMBackupRequest", (string?)properties["objectType"]);
        Assert.Equal(Now.AddDays(30), DateTimeOffset.Parse((string)properties["recoveryPointExpiryTimeInUTC"]!, System.Globalization.CultureInfo.InvariantCulture));

        var started = world.AllRecoveryServicesVaults().SelectMany(v => v.Jobs).Single(j => j.IsUserTriggered == true);
        Assert.Equal(started.JobId, result.BackupJobId);
        Assert.Equal("InProgress", started.Status);
        Assert.NotNull(result.Note);
        Assert.Equal(locksBefore, LocksOf(world));
    }

    [Fact]
    public async Task A_backup_the_service_refuses_surfaces_its_code()
    {
        await using var fake = await FakeArmSession.StartAsync(Scenarios.Load("B10-backup-in-progress"));
        var evidence = await CollectAsync(fake);

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => new ArmRemediationTarget(fake.Session).TriggerBackupAsync(evidence, default));

        Assert.Equal("UserErrorBackupOperationInProgress", error.ErrorCode);
        Assert.Contains("another backup operation is currently in progress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vm_that_is_not_protected_is_refused_before_anything_is_sent()
    {
        var world = new ArmWorld();
        var group = world.AddSubscription(Scenarios.SubscriptionId).AddResourceGroup("rg-app", "eastus");
        world.WithVmUnderTest(group.AddVirtualMachine("vm-bare").WithBackupExtension().Id);
        await using var fake = await FakeArmSession.StartAsync(world);
        var evidence = await CollectAsync(fake);
        fake.Server.Requests.Clear();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new ArmRemediationTarget(fake.Session).TriggerBackupAsync(evidence, default));

        Assert.Contains("vm-bare is not protected", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Server.Requests.All);
    }

    [Fact]
    public async Task A_vm_whose_protection_is_stopped_is_refused_before_anything_is_sent()
    {
        await using var fake = await FakeArmSession.StartAsync(Scenarios.Load("B12-protection-stopped"));
        var evidence = await CollectAsync(fake);
        fake.Server.Requests.Clear();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new ArmRemediationTarget(fake.Session).TriggerBackupAsync(evidence, default));

        Assert.Contains("Protection of vm-app32 is stopped", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Server.Requests.All);
    }

    [Fact]
    public async Task The_protected_item_is_looked_up_in_the_vault_when_the_evidence_names_only_the_vault()
    {
        await using var fake = await FakeArmSession.StartAsync(Scenarios.Load("B4-restore-point-limit"));
        var items = fake.Server.Faults.Forbidden("GET", "/backupProtectedItems$", "Microsoft.RecoveryServices/vaults/backupProtectedItems/read", times: 1);
        var evidence = await CollectAsync(fake);
        Assert.Equal(1, items.Hits);
        Assert.Null(evidence.Protection!.ProtectedItemId);
        Assert.NotNull(evidence.Protection.VaultId);

        var jobId = await new ArmRemediationTarget(fake.Session).TriggerBackupAsync(evidence, default);

        var started = fake.Server.World.AllRecoveryServicesVaults().SelectMany(v => v.Jobs).Single(j => j.IsUserTriggered == true);
        Assert.Equal(started.JobId, jobId);
        Assert.Equal(evidence.Vm.ResourceId, started.VirtualMachineId, StringComparer.OrdinalIgnoreCase);
    }
}
