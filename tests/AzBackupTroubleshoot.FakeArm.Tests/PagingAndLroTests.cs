using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.FakeArm.Tests;

public sealed class PagingAndLroTests
{
    private const string Sub = "/subscriptions/" + Scenarios.SubscriptionId;
    private const string Api = "api-version=2023-07-01";

    private static async Task<List<JsonNode>> FollowAsync(HttpClient client, string first, List<string> links)
    {
        var items = new List<JsonNode>();
        string? next = first;
        while (next is not null)
        {
            var page = await client.GetJsonAsync(next);
            items.AddRange(page["value"]!.AsArray().Select(v => v!.DeepClone()));
            next = page["nextLink"]?.GetValue<string>();
            if (next is not null)
            {
                links.Add(next);
            }
        }

        return items;
    }

    [Fact]
    public async Task Lists_page_with_absolute_next_links_that_keep_the_query()
    {
        var world = Fleet.Create(120, new FleetOptions { ProtectedShare = 1, VmsPerResourceGroup = 200, JobsPerVm = 1 });
        await using var server = await FakeArmServer.StartAsync(world, new FakeArmOptions { PageSize = 50 });
        using var client = TestSupport.PinnedClient(server);

        var links = new List<string>();
        var vms = await FollowAsync(client, Sub + "/providers/Microsoft.Compute/virtualMachines?statusOnly=true&" + Api, links);
        Assert.Equal(120, vms.Count);
        Assert.Equal(120, vms.Select(v => v.Str("id")).Distinct().Count());
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.StartsWith(server.Endpoint.ToString(), l, StringComparison.Ordinal));
        Assert.All(links, l => Assert.Contains("statusOnly=true", l, StringComparison.Ordinal));
        Assert.All(links, l => Assert.Contains("api-version=2023-07-01", l, StringComparison.Ordinal));
        Assert.All(vms, v => Assert.NotNull(v.At("properties.instanceView.statuses")));

        var rgLinks = new List<string>();
        var inRg = await FollowAsync(client, Sub + "/resourceGroups/rg-fleet-0000/providers/Microsoft.Compute/virtualMachines?" + Api, rgLinks);
        Assert.Equal(120, inRg.Count);

        var jobLinks = new List<string>();
        var jobs = await FollowAsync(client, Sub + "/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-fleet-00/backupJobs?api-version=2025-08-01", jobLinks);
        Assert.Equal(120, jobs.Count);
        Assert.All(jobLinks, l => Assert.Contains("$skipToken=", l, StringComparison.Ordinal));

        var rpcs = await FollowAsync(client, Sub + "/providers/Microsoft.Compute/restorePointCollections?" + Api, []);
        Assert.Equal(120, rpcs.Count);
    }

    [Fact]
    public async Task Deleting_an_extension_is_long_running_and_removes_it_at_completion()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("A9-extension-deleting"));
        using var client = TestSupport.PinnedClient(server);
        var ext = Sub + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app09/extensions/VMSnapshot";

        var (status, _, resp) = await client.SendAsync(HttpMethod.Delete, ext + "?" + Api);
        Assert.Equal(202, status);
        var asyncOp = resp.Headers.GetValues("Azure-AsyncOperation").Single();
        var location = resp.Headers.Location!.ToString();
        Assert.Contains("/providers/Microsoft.Compute/locations/eastus/operations/", asyncOp, StringComparison.Ordinal);
        Assert.Contains("monitor=true", location, StringComparison.Ordinal);
        Assert.Equal("0", resp.Headers.GetValues("Retry-After").Single());

        var first = await client.GetJsonAsync(asyncOp);
        Assert.Equal("InProgress", first.Str("status"));
        Assert.Equal("Deleting", (await client.GetJsonAsync(ext + "?" + Api)).Str("properties.provisioningState"));

        var second = await client.GetJsonAsync(asyncOp);
        Assert.Equal("Succeeded", second.Str("status"));
        Assert.NotNull(second["endTime"]);
        var (gone, goneBody, _) = await client.SendAsync(HttpMethod.Get, ext + "?" + Api);
        Assert.Equal(404, gone);
        Assert.Equal("ResourceNotFound", goneBody.Str("error.code"));
        var (locStatus, _, _) = await client.SendAsync(HttpMethod.Get, location);
        Assert.Equal(200, locStatus);
        Assert.Empty(server.World.FindVirtualMachine(server.World.VmUnderTest!)!.Extensions);

        var (missing, _, _) = await client.SendAsync(HttpMethod.Delete, ext + "?" + Api);
        Assert.Equal(204, missing);
    }

    [Fact]
    public async Task Deleting_a_collection_polls_through_location_then_removes_it()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("B4-restore-point-limit"));
        using var client = TestSupport.PinnedClient(server);
        var rpc = server.World.AllRestorePointCollections().Single(c => c.SourceVmId == server.World.VmUnderTest).Id;

        var (status, _, resp) = await client.SendAsync(HttpMethod.Delete, rpc + "?" + Api);
        Assert.Equal(202, status);
        var location = resp.Headers.Location!.ToString();
        var (p1, _, r1) = await client.SendAsync(HttpMethod.Get, location);
        Assert.Equal(202, p1);
        Assert.NotNull(r1.Headers.Location);
        Assert.Equal("Deleting", (await client.GetJsonAsync(rpc + "?" + Api)).Str("properties.provisioningState"));
        var (p2, _, _) = await client.SendAsync(HttpMethod.Get, location);
        Assert.Equal(200, p2);
        var (gone, _, _) = await client.SendAsync(HttpMethod.Get, rpc + "?" + Api);
        Assert.Equal(404, gone);
        Assert.Equal(2, server.World.AllRestorePointCollections().Count());
    }

    [Fact]
    public async Task Deletes_under_a_locked_scope_get_409_ScopeLocked_until_the_lock_is_removed()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("B4-locked-restore-point-group"));
        using var client = TestSupport.PinnedClient(server);
        var rpc = server.World.AllRestorePointCollections().Single(c => c.SourceVmId == server.World.VmUnderTest);

        var (status, body, _) = await client.SendAsync(HttpMethod.Delete, rpc.Id + "?" + Api);
        Assert.Equal(409, status);
        Assert.Equal("ScopeLocked", body.Str("error.code"));
        Assert.Contains(rpc.ResourceGroup!.Id, body.Str("error.message"), StringComparison.Ordinal);
        Assert.Equal("Succeeded", rpc.ProvisioningState);

        var rp = rpc.RestorePoints[0];
        var (rpStatus, _, _) = await client.SendAsync(HttpMethod.Delete, rpc.Id + "/restorePoints/" + rp.Name + "?" + Api);
        Assert.Equal(409, rpStatus);

        // An extension of a VM under a ReadOnly lock cannot be deleted either.
        server.World.Update(w => w.AddLock(w.VmUnderTest!, "vm-ro", ArmLockLevel.ReadOnly));
        var (extStatus, extBody, _) = await client.SendAsync(HttpMethod.Delete, server.World.VmUnderTest + "/extensions/VMSnapshot?" + Api);
        Assert.Equal(409, extStatus);
        Assert.Equal("ScopeLocked", extBody.Str("error.code"));

        var lockUrl = rpc.ResourceGroup.Id + "/providers/Microsoft.Authorization/locks/backup-rg-do-not-delete?api-version=2016-09-01";
        var (unlock, _, _) = await client.SendAsync(HttpMethod.Delete, lockUrl);
        Assert.Equal(200, unlock);
        var (now, _, _) = await client.SendAsync(HttpMethod.Delete, rpc.Id + "?" + Api);
        Assert.Equal(202, now);
    }
}
