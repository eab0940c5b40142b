using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;

namespace AzBackupTroubleshoot.FakeArm.Tests;

/// <summary>The real SDK (Azure.ResourceManager 1.7.0 + Compute 1.2.0 on Azure.Core 1.64) against the fake, over OS-trusted TLS.</summary>
public sealed class SdkCompatibilityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private sealed class FakeCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("fake-arm-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    private static ArmClient Client(FakeArmServer server)
    {
        var options = new ArmClientOptions { Environment = new ArmEnvironment(server.Endpoint, server.Endpoint.ToString()) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxRetries = 2;
        return new ArmClient(new FakeCredential(), Scenarios.SubscriptionId, options);
    }

    [Fact]
    public async Task Sdk_reads_vms_instance_views_status_lists_disks_and_deletes_an_extension()
    {
        var world = Scenarios.Load("healthy-windows");
        await using var server = await FakeArmServer.StartAsync(world, new FakeArmOptions { PageSize = 1 });
        var client = Client(server);

        var vm = client.GetVirtualMachineResource(new ResourceIdentifier(world.VmUnderTest!));
        var data = (await vm.GetAsync(InstanceViewType.InstanceView)).Value.Data;
        Assert.Equal("vm-win01", data.Name);
        Assert.Equal("2.7.41491.1102", data.InstanceView.VmAgent.VmAgentVersion);
        Assert.Equal("Ready", data.InstanceView.VmAgent.Statuses[0].DisplayStatus);
        Assert.Contains(data.InstanceView.Statuses, s => s.Code == "PowerState/running");
        Assert.True(data.OSProfile.WindowsConfiguration.ProvisionVmAgent);

        var sub = await client.GetDefaultSubscriptionAsync();
        Assert.Equal(Scenarios.SubscriptionId, sub.Data.SubscriptionId);
        var statusOnly = new List<VirtualMachineResource>();
        await foreach (var item in sub.GetVirtualMachinesAsync(statusOnly: "true"))
        {
            statusOnly.Add(item);
        }

        Assert.Single(statusOnly);
        Assert.Contains(statusOnly[0].Data.InstanceView.Statuses, s => s.Code == "PowerState/running");
        Assert.Null(statusOnly[0].Data.InstanceView.VmAgent);

        var disk = (await client.GetManagedDiskResource(data.StorageProfile.DataDisks[0].ManagedDisk.Id!).GetAsync()).Value;
        Assert.Equal(256, disk.Data.DiskSizeGB);

        var ext = (await vm.GetVirtualMachineExtensionAsync("VMSnapshot", expand: "instanceView")).Value;
        Assert.Equal("Microsoft.Azure.RecoveryServices", ext.Data.Publisher);
        var op = await ext.DeleteAsync(WaitUntil.Started);
        await op.WaitForCompletionResponseAsync(TimeSpan.FromMilliseconds(20));
        Assert.False((await vm.GetVirtualMachineExtensions().ExistsAsync("VMSnapshot")).Value);
        Assert.True(server.Requests.All.All(r => r.HasAuthorization));
        foreach (var r in server.Requests.All)
        {
            output.WriteLine(r.ToString());
        }
    }

    [Fact]
    public async Task Sdk_sees_locks_collections_policies_and_gets_ScopeLocked_and_retries_429()
    {
        var world = Scenarios.Load("B4-locked-restore-point-group");
        world.AddPolicyDefinition(ArmPolicyDefinition.WithLiteralEffect("deny-tags", "Deny tags", new System.Text.Json.Nodes.JsonObject { ["field"] = "tags", ["exists"] = "true" }, "Deny"));
        world.AddPolicyAssignment("/subscriptions/" + Scenarios.SubscriptionId, "deny-tags-at-sub", world.PolicyDefinitions[0]);
        await using var server = await FakeArmServer.StartAsync(world);
        var client = Client(server);
        var sub = client.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(Scenarios.SubscriptionId));

        var rg = (await sub.GetResourceGroupAsync("AzureBackupRG_eastus_1")).Value;
        var locks = new List<ManagementLockResource>();
        await foreach (var l in rg.GetManagementLocks().GetAllAsync())
        {
            locks.Add(l);
        }

        Assert.Equal(ManagementLockLevel.CanNotDelete, Assert.Single(locks).Data.Level);

        var groups = new List<RestorePointGroupResource>();
        await foreach (var g in sub.GetRestorePointGroupsAsync())
        {
            groups.Add(g);
        }

        var mine = groups.Single(g => string.Equals(g.Data.Source.Id, world.VmUnderTest, StringComparison.OrdinalIgnoreCase));
        var full = (await mine.GetAsync(RestorePointGroupExpand.RestorePoints)).Value;
        Assert.Equal(18, full.Data.RestorePoints.Count);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => mine.DeleteAsync(WaitUntil.Completed));
        Assert.Equal(409, ex.Status);
        Assert.Equal("ScopeLocked", ex.ErrorCode);

        var assignments = new List<PolicyAssignmentResource>();
        await foreach (var a in sub.GetPolicyAssignments().GetAllAsync(filter: "atScope()"))
        {
            assignments.Add(a);
        }

        Assert.Equal("deny-tags-at-sub", Assert.Single(assignments).Data.Name);

        server.Faults.TooManyRequests("GET", "/resourceGroups/rg-app$", retryAfterSeconds: 0, times: 1);
        var appRg = (await sub.GetResourceGroupAsync("rg-app")).Value;
        Assert.Equal("rg-app", appRg.Data.Name);
        Assert.Equal(1, server.Faults.TooManyRequestsSent);
        foreach (var r in server.Requests.All)
        {
            output.WriteLine(r.ToString());
        }
    }
}
