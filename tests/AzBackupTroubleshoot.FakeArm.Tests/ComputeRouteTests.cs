using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.FakeArm.Tests;

public sealed class ComputeRouteTests
{
    private const string Sub = "/subscriptions/" + Scenarios.SubscriptionId;
    private const string Rg = Sub + "/resourceGroups/rg-app/providers/Microsoft.Compute";
    private const string Api = "api-version=2023-07-01";

    [Fact]
    public async Task Vm_get_has_the_model_and_only_with_expand_the_instance_view()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);

        var vm = await client.GetJsonAsync(Rg + "/virtualMachines/vm-win01?" + Api);
        Assert.Equal("vm-win01", vm.Str("name"));
        Assert.Equal("Microsoft.Compute/virtualMachines", vm.Str("type"));
        Assert.Equal(Rg + "/virtualMachines/vm-win01", vm.Str("id"));
        Assert.Equal("eastus", vm.Str("location"));
        Assert.Equal("Windows", vm.Str("properties.storageProfile.osDisk.osType"));
        Assert.EndsWith("/providers/Microsoft.Compute/disks/" + vm.Str("properties.storageProfile.osDisk.name"), vm.Str("properties.storageProfile.osDisk.managedDisk.id"), StringComparison.Ordinal);
        Assert.Equal(256, vm.At("properties.storageProfile.dataDisks.0.diskSizeGB")!.GetValue<int>());
        Assert.True(vm.At("properties.osProfile.windowsConfiguration.provisionVMAgent")!.GetValue<bool>());
        Assert.Equal("Succeeded", vm.Str("properties.provisioningState"));
        Assert.False(string.IsNullOrEmpty(vm.Str("properties.vmId")));
        Assert.Null(vm.At("properties.instanceView"));
        Assert.Equal("VMSnapshot", vm.Str("resources.0.properties.type"));

        var expanded = await client.GetJsonAsync(Rg + "/virtualMachines/vm-win01?$expand=instanceView&" + Api);
        var iv = expanded.At("properties.instanceView")!;
        Assert.Equal("2.7.41491.1102", iv.Str("vmAgent.vmAgentVersion"));
        Assert.Equal("Ready", iv.Str("vmAgent.statuses.0.displayStatus"));
        Assert.Contains(iv["statuses"]!.AsArray(), s => s.Str("code") == "PowerState/running");
        Assert.Contains(iv["statuses"]!.AsArray(), s => s.Str("code") == "ProvisioningState/succeeded");
    }

    [Fact]
    public async Task Instance_view_route_reports_agent_handlers_extensions_and_disks()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-linux"));
        using var client = TestSupport.PinnedClient(server);

        var iv = await client.GetJsonAsync(Rg + "/virtualMachines/vm-lnx01/instanceView?" + Api);
        Assert.Equal("vm-lnx01", iv.Str("computerName"));
        Assert.Equal("ubuntu", iv.Str("osName"));
        Assert.Equal("2.9.1.1", iv.Str("vmAgent.vmAgentVersion"));
        Assert.Equal("ProvisioningState/succeeded", iv.Str("vmAgent.statuses.0.code"));
        Assert.Equal("Microsoft.Azure.RecoveryServices.VMSnapshotLinux", iv.Str("vmAgent.extensionHandlers.0.type"));
        Assert.Equal("Ready", iv.Str("vmAgent.extensionHandlers.0.status.displayStatus"));
        Assert.Equal("VMSnapshotLinux", iv.Str("extensions.0.name"));
        Assert.Equal("ProvisioningState/succeeded", iv.Str("extensions.0.statuses.0.code"));
        Assert.Equal(2, iv["disks"]!.AsArray().Count);
    }

    [Fact]
    public async Task Problem_scenarios_show_in_the_instance_view()
    {
        await using (var s = await FakeArmServer.StartAsync(Scenarios.Load("A14-no-agent")))
        {
            using var c = TestSupport.PinnedClient(s);
            var iv = await c.GetJsonAsync(Rg + "/virtualMachines/vm-app14/instanceView?" + Api);
            Assert.Null(iv["vmAgent"]);
            var vm = await c.GetJsonAsync(Rg + "/virtualMachines/vm-app14?" + Api);
            Assert.False(vm.At("properties.osProfile.windowsConfiguration.provisionVMAgent")!.GetValue<bool>());
        }

        await using (var s = await FakeArmServer.StartAsync(Scenarios.Load("B1-agent-not-ready")))
        {
            using var c = TestSupport.PinnedClient(s);
            var iv = await c.GetJsonAsync(Rg + "/virtualMachines/vm-app21/instanceView?" + Api);
            Assert.Equal("Not Ready", iv.Str("vmAgent.statuses.0.displayStatus"));
            Assert.Equal("Warning", iv.Str("vmAgent.statuses.0.level"));
        }

        await using (var s = await FakeArmServer.StartAsync(Scenarios.Load("B3-provisioning-failed")))
        {
            using var c = TestSupport.PinnedClient(s);
            var iv = await c.GetJsonAsync(Rg + "/virtualMachines/vm-app23/instanceView?" + Api);
            var prov = iv["statuses"]!.AsArray().First()!;
            Assert.StartsWith("ProvisioningState/failed", prov.Str("code"), StringComparison.Ordinal);
            Assert.Equal("Error", prov.Str("level"));
            Assert.Contains(iv["extensions"]!.AsArray(), e => e.Str("name") == "CustomScriptExtension" && e.Str("statuses.0.level") == "Error");
        }

        await using (var s = await FakeArmServer.StartAsync(Scenarios.Load("A3-transitional-state")))
        {
            using var c = TestSupport.PinnedClient(s);
            var iv = await c.GetJsonAsync(Rg + "/virtualMachines/vm-app03/instanceView?" + Api);
            Assert.Contains(iv["statuses"]!.AsArray(), st => st.Str("code") == "PowerState/starting");
            Assert.Contains(iv["statuses"]!.AsArray(), st => st.Str("code") == "ProvisioningState/updating");
        }
    }

    [Fact]
    public async Task StatusOnly_list_carries_only_the_vm_statuses()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("A3-transitional-state"));
        using var client = TestSupport.PinnedClient(server);

        var list = await client.GetJsonAsync(Sub + "/providers/Microsoft.Compute/virtualMachines?statusOnly=true&" + Api);
        var vm = list["value"]!.AsArray().Single()!;
        Assert.Equal("vm-app03", vm.Str("name"));
        var iv = vm.At("properties.instanceView")!;
        Assert.Contains(iv["statuses"]!.AsArray(), s => s.Str("code") == "PowerState/starting");
        Assert.Null(iv["vmAgent"]);
        Assert.Null(iv["extensions"]);
        Assert.Null(vm.At("properties.storageProfile"));

        var plain = await client.GetJsonAsync(Sub + "/providers/Microsoft.Compute/virtualMachines?" + Api);
        Assert.Null(plain.At("value.0.properties.instanceView"));
        Assert.NotNull(plain.At("value.0.properties.storageProfile"));

        var byRg = await client.GetJsonAsync(Rg + "/virtualMachines?" + Api);
        Assert.Single(byRg["value"]!.AsArray());
    }

    [Fact]
    public async Task Extensions_list_and_get_with_and_without_instance_view()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("A9-extension-deleting"));
        using var client = TestSupport.PinnedClient(server);

        var list = await client.GetJsonAsync(Rg + "/virtualMachines/vm-app09/extensions?" + Api);
        var ext = list["value"]!.AsArray().Single()!;
        Assert.Equal("Microsoft.Compute/virtualMachines/extensions", ext.Str("type"));
        Assert.Equal("Microsoft.Azure.RecoveryServices", ext.Str("properties.publisher"));
        Assert.Equal("Deleting", ext.Str("properties.provisioningState"));
        Assert.Null(ext.At("properties.instanceView"));

        var withIv = await client.GetJsonAsync(Rg + "/virtualMachines/vm-app09/extensions?$expand=instanceView&" + Api);
        Assert.Equal("VMSnapshot", withIv.Str("value.0.properties.instanceView.name"));

        var one = await client.GetJsonAsync(Rg + "/virtualMachines/vm-app09/extensions/vmsnapshot?$expand=instanceView&" + Api);
        Assert.Equal(Rg + "/virtualMachines/vm-app09/extensions/VMSnapshot", one.Str("id"));
        Assert.NotNull(one.At("properties.instanceView.statuses"));
    }

    [Fact]
    public async Task Disks_get_and_list_carry_size_and_encryption()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("B9-disk-too-large"));
        using var client = TestSupport.PinnedClient(server);

        var big = await client.GetJsonAsync(Rg + "/disks/vm-app29-data-33tb?api-version=2023-04-02");
        Assert.Equal("Microsoft.Compute/disks", big.Str("type"));
        Assert.Equal(33792, big.At("properties.diskSizeGB")!.GetValue<int>());
        Assert.EndsWith("/virtualMachines/vm-app29", big.Str("managedBy"), StringComparison.Ordinal);
        Assert.Null(big.At("properties.encryptionSettingsCollection"));

        var enc = await client.GetJsonAsync(Rg + "/disks/vm-app29-data-5tb-ade?api-version=2023-04-02");
        Assert.True(enc.At("properties.encryptionSettingsCollection.enabled")!.GetValue<bool>());
        Assert.EndsWith("/vaults/kv-ade-eastus", enc.Str("properties.encryptionSettingsCollection.encryptionSettings.0.diskEncryptionKey.sourceVault.id"), StringComparison.Ordinal);

        var inRg = await client.GetJsonAsync(Rg + "/disks?api-version=2023-04-02");
        Assert.Equal(4, inRg["value"]!.AsArray().Count);
        var inSub = await client.GetJsonAsync(Sub + "/providers/Microsoft.Compute/disks?api-version=2023-04-02");
        Assert.Equal(4, inSub["value"]!.AsArray().Count);

        var vm = await client.GetJsonAsync(Rg + "/virtualMachines/vm-app29?" + Api);
        Assert.True(vm.At("properties.storageProfile.osDisk.encryptionSettings.enabled")!.GetValue<bool>());
        var iv = await client.GetJsonAsync(Rg + "/virtualMachines/vm-app29/instanceView?" + Api);
        Assert.Contains(iv["disks"]!.AsArray(), d => d!["encryptionSettings"] is not null);
    }

    [Fact]
    public async Task Restore_point_collections_get_list_and_expand_restore_points()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("B4-restore-point-limit"));
        using var client = TestSupport.PinnedClient(server);
        var vmId = server.World.VmUnderTest!;

        var inSub = await client.GetJsonAsync(Sub + "/providers/Microsoft.Compute/restorePointCollections?" + Api);
        var all = inSub["value"]!.AsArray();
        Assert.Equal(3, all.Count);
        var mine = all.Single(c => c.Str("properties.source.id") == vmId)!;
        Assert.Equal("Microsoft.Compute/restorePointCollections", mine.Str("type"));
        Assert.Null(mine.At("properties.restorePoints"));
        Assert.Contains(all, c => c.Str("name").StartsWith("AzureBackup_vm-app25_", StringComparison.Ordinal) && c.Str("properties.source.id") != vmId);

        var rgList = await client.GetJsonAsync(Sub + "/resourceGroups/AzureBackupRG_eastus_1/providers/Microsoft.Compute/restorePointCollections?" + Api);
        Assert.Equal(2, rgList["value"]!.AsArray().Count);

        var withPoints = await client.GetJsonAsync(mine.Str("id") + "?$expand=restorePoints&" + Api);
        var points = withPoints.At("properties.restorePoints")!.AsArray();
        Assert.Equal(18, points.Count);
        Assert.Equal("Succeeded", points[0].Str("properties.provisioningState"));
        Assert.StartsWith(mine.Str("id") + "/restorePoints/", points[0].Str("id"), StringComparison.Ordinal);
        Assert.Equal(server.World.FindVirtualMachine(vmId)!.VmId, points[0].Str("properties.sourceMetadata.vmId"));

        var rp = await client.GetJsonAsync(points[0].Str("id") + "?" + Api);
        Assert.Equal(points[0].Str("name"), rp.Str("name"));
    }
}
