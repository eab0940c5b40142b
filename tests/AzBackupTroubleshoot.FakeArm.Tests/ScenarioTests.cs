using System;
using System.IO;
using System.Linq;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.FakeArm.Tests;

public sealed class ScenarioTests
{
    public static TheoryData<string> AllNames()
    {
        var data = new TheoryData<string>();
        foreach (var n in Scenarios.Names)
        {
            data.Add(n);
        }

        return data;
    }

    [Fact]
    public void Every_required_scenario_is_shipped()
    {
        string[] required =
        [
            "healthy-windows", "healthy-linux", "A3-transitional-state", "A9-extension-deleting", "A12-vm-deleted", "A14-no-agent",
            "A18-deny-policy", "B1-agent-not-ready", "B3-provisioning-failed", "B4-locked-restore-point-group", "B4-restore-point-limit",
            "B5-keyvault-no-access", "B9-disk-too-large", "B10-backup-in-progress", "B12-protection-stopped", "C12-old-windows-agent",
        ];
        Assert.Empty(required.Except(Scenarios.Names));
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Scenario_loads_with_one_subscription_a_description_and_a_vm_under_test(string name)
    {
        var world = Scenarios.Load(name);
        Assert.Equal(name, world.Name);
        Assert.False(string.IsNullOrWhiteSpace(world.Description));
        var sub = Assert.Single(world.Subscriptions);
        Assert.Equal(Scenarios.SubscriptionId, sub.SubscriptionId);
        Assert.Equal(Scenarios.TenantId, world.TenantId);
        Assert.NotNull(world.VmUnderTest);
        Assert.StartsWith("/subscriptions/" + Scenarios.SubscriptionId + "/resourceGroups/", world.VmUnderTest, StringComparison.Ordinal);
        if (name != "A12-vm-deleted")
        {
            Assert.NotNull(world.FindVirtualMachine(world.VmUnderTest!));
        }

        // Round trip through the scenario format keeps the world.
        var again = ArmWorld.FromJson(world.ToJson());
        Assert.Equal(world.AllVirtualMachines().Count(), again.AllVirtualMachines().Count());
        Assert.Equal(world.AllRestorePointCollections().Sum(c => c.RestorePoints.Count), again.AllRestorePointCollections().Sum(c => c.RestorePoints.Count));
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void A_scenario_loads_as_of_the_present_with_every_time_kept_relative_to_it(string name)
    {
        var written = ArmWorld.FromJson(File.ReadAllText(Path.Combine(Scenarios.Directory, name + ".json")));
        var instant = new DateTimeOffset(2031, 5, 6, 7, 0, 0, TimeSpan.Zero);
        ArmWorld loaded;
        using (WorldTime.Freeze(instant))
        {
            loaded = Scenarios.Load(name);
        }

        Assert.Equal(instant, loaded.AsOf);
        var shift = instant - written.AsOf!.Value;
        Assert.Equal(
            written.AllRecoveryServicesVaults().SelectMany(v => v.Jobs).Select(j => (j.JobId, j.StartTime + shift, j.EndTime + shift)),
            loaded.AllRecoveryServicesVaults().SelectMany(v => v.Jobs).Select(j => (j.JobId, j.StartTime, j.EndTime)));
        Assert.All(loaded.AllRecoveryServicesVaults().SelectMany(v => v.Jobs), j => Assert.True(j.StartTime <= instant, $"{j.JobId} starts after the present"));
    }

    [Fact]
    public void A_scenario_with_times_but_no_asOf_is_refused()
    {
        var document = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse("""{ "jobs": [ { "startTime": "2026-11-22T02:00:00Z" } ] }""")!;
        var error = Assert.Throws<InvalidOperationException>(() => WorldTime.Rebase(document, DateTimeOffset.UnixEpoch));
        Assert.Contains("2026-11-22T02:00:00Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_facts_match_their_names()
    {
        Assert.Equal("starting", Vm("A3-transitional-state").PowerState);
        Assert.Equal("Updating", Vm("A3-transitional-state").ProvisioningState);
        Assert.Equal("Deleting", Vm("A9-extension-deleting").FindExtension("VMSnapshot")!.ProvisioningState);
        var a12 = Scenarios.Load("A12-vm-deleted");
        Assert.Null(a12.FindVirtualMachine(a12.VmUnderTest!));
        Assert.Contains(a12.AllRecoveryServicesVaults().SelectMany(v => v.ProtectedItems), p => p.VirtualMachineId == a12.VmUnderTest);
        Assert.Contains(a12.AllRecoveryServicesVaults().SelectMany(v => v.Jobs), j => j.VirtualMachineId == a12.VmUnderTest);
        var a14 = Vm("A14-no-agent");
        Assert.Null(a14.Agent);
        Assert.False(a14.ProvisionVmAgent);
        Assert.Equal("Not Ready", Vm("B1-agent-not-ready").Agent!.DisplayStatus);
        Assert.Equal("Failed", Vm("B3-provisioning-failed").ProvisioningState);
        Assert.Contains(Vm("B3-provisioning-failed").Extensions, e => e.ProvisioningState == "Failed");
        Assert.Equal("2.6.1198.700", Vm("C12-old-windows-agent").Agent!.Version);
        Assert.Contains(Vm("B9-disk-too-large").DataDisks, d => d.DiskSizeGb > 32 * 1024 && d.Ade is null);
        Assert.Contains(Vm("B9-disk-too-large").DataDisks, d => d.DiskSizeGb > 4 * 1024 && d.DiskSizeGb <= 32 * 1024 && d.Ade is not null);

        var b5 = Scenarios.Load("B5-keyvault-no-access");
        var kv = b5.Subscriptions[0].ResourceGroups.SelectMany(rg => rg.KeyVaults).Single();
        Assert.False(kv.EnableRbacAuthorization);
        Assert.DoesNotContain(kv.AccessPolicies, p => p.ObjectId == b5.BackupManagementServiceObjectId);
        Assert.NotNull(Vm("B5-keyvault-no-access").OsDisk.Ade);

        foreach (var name in new[] { "B4-locked-restore-point-group", "B4-restore-point-limit" })
        {
            var w = Scenarios.Load(name);
            var mine = w.AllRestorePointCollections().Where(c => c.SourceVmId == w.VmUnderTest).ToList();
            Assert.Equal(18, Assert.Single(mine).RestorePoints.Count);
            Assert.StartsWith("AzureBackupRG_eastus_1", mine[0].ResourceGroup!.Name, StringComparison.Ordinal);
            var vmName = w.FindVirtualMachine(w.VmUnderTest!)!.Name;
            Assert.True(w.AllRestorePointCollections().Count(c => c.Name.Contains(vmName + "_", StringComparison.Ordinal)) >= 2, "a same-named decoy collection exists");
            Assert.True(mine[0].ResourceGroup!.RestorePointCollections.Count >= 2, "another VM's collection shares the group");
            Assert.Equal(name.Contains("locked", StringComparison.Ordinal), w.Locks.Any(l => l.Level == ArmLockLevel.CanNotDelete && l.Scope.EndsWith("/AzureBackupRG_eastus_1", StringComparison.Ordinal)));
        }

        var b10 = Scenarios.Load("B10-backup-in-progress");
        Assert.Contains(b10.AllRecoveryServicesVaults().SelectMany(v => v.Jobs), j => j.Status == "InProgress" && j.VirtualMachineId == b10.VmUnderTest);
        var b12 = Scenarios.Load("B12-protection-stopped");
        Assert.Equal("ProtectionStopped", b12.AllRecoveryServicesVaults().SelectMany(v => v.ProtectedItems).Single(p => p.VirtualMachineId == b12.VmUnderTest).ProtectionState);
        var a18 = Scenarios.Load("A18-deny-policy");
        Assert.True(a18.PolicyAssignments.Count(a => a.Scope == "/subscriptions/" + Scenarios.SubscriptionId) >= 2);
    }

    private static ArmVirtualMachine Vm(string scenario)
    {
        var w = Scenarios.Load(scenario);
        return w.FindVirtualMachine(w.VmUnderTest!)!;
    }
}
