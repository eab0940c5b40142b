using System;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Remediation;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Engine.Tests.Remediation.RemediationFixture;

namespace AzBackupTroubleshoot.Engine.Tests.Remediation;

/// <summary>A9: the VMSnapshot extension of vm-app09 is stuck deleting; removing it lets the next backup reinstall it.</summary>
public class ExtensionRepairTests
{
    private const string VmId = "/subscriptions/" + Scenarios.SubscriptionId + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app09";

    [Fact]
    public async Task The_backup_extension_is_removed_to_the_end_and_a_backup_started()
    {
        var world = Scenarios.Load("A9-extension-deleting");
        await using var fake = await FakeArmSession.StartAsync(world);
        var evidence = await CollectAsync(fake);
        var plan = BackupExtensionRepairPlan.For(evidence, RuleCatalog.Default.Get("Agent.Ready")!);
        fake.Server.Requests.Clear();

        var result = await Executor(fake).RepairExtensionAsync(plan, evidence, triggerBackup: true, default);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(["VMSnapshot"], result.RemovedExtensions);
        Assert.Equal(
            ["DELETE " + VmId + "/extensions/VMSnapshot", "POLL", "POST " + evidence.Protection!.ProtectedItemId + "/backup", "POLL"],
            Steps(fake.Server.Requests.All),
            StringComparer.OrdinalIgnoreCase);
        Assert.Null(world.FindVirtualMachine(VmId)!.FindExtension("VMSnapshot"));
        Assert.NotNull(result.BackupJobId);
    }

    [Fact]
    public async Task A_locked_resource_group_refuses_the_removal_with_scope_locked()
    {
        var world = Scenarios.Load("A9-extension-deleting");
        world.AddLock("/subscriptions/" + Scenarios.SubscriptionId + "/resourceGroups/rg-app", "app-lock", ArmLockLevel.CanNotDelete);
        await using var fake = await FakeArmSession.StartAsync(world);
        var evidence = await CollectAsync(fake);
        var plan = BackupExtensionRepairPlan.For(evidence, RuleCatalog.Default.Get("Agent.Ready")!);

        var result = await Executor(fake).RepairExtensionAsync(plan, evidence, triggerBackup: true, default);

        var error = Assert.IsType<ArmRequestException>(result.Error);
        Assert.Equal(409, error.Status);
        Assert.Equal("ScopeLocked", error.ErrorCode);
        Assert.Empty(result.RemovedExtensions);
        Assert.Null(result.BackupJobId);
        Assert.NotNull(world.FindVirtualMachine(VmId)!.FindExtension("VMSnapshot"));
        Assert.DoesNotContain(fake.Server.Requests.All, r => r.Method == "POST" && r.Path.EndsWith("/backup", StringComparison.Ordinal));
    }
}
