using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.FakeArm.Tests;

public sealed class FleetTests
{
    [Fact]
    public void Fleet_is_deterministic_and_has_the_requested_shape()
    {
        ArmWorld a, b;
        using (WorldTime.Freeze(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)))
        {
            a = Fleet.Create(300, new FleetOptions { Seed = 3 });
            b = Fleet.Create(300, new FleetOptions { Seed = 3 });
        }

        Assert.Equal(a.ToJson(), b.ToJson());
        Assert.Equal(300, a.AllVirtualMachines().Count());
        Assert.Equal(3, a.Subscriptions[0].ResourceGroups.Count(rg => rg.Name.StartsWith("rg-fleet-", StringComparison.Ordinal)));
        Assert.Contains(a.AllVirtualMachines(), v => v.Agent?.DisplayStatus == "Not Ready");
        Assert.Contains(a.AllVirtualMachines(), v => v.OsType == ArmOsType.Linux);
        var protectedItems = a.AllRecoveryServicesVaults().SelectMany(v => v.ProtectedItems).ToList();
        Assert.InRange(protectedItems.Count, 240, 295);
        Assert.Equal(protectedItems.Count, a.AllRestorePointCollections().Count());
        Assert.Equal(a.AllVirtualMachines().First().Id, a.VmUnderTest);
    }

    [Fact]
    public async Task Five_thousand_vms_serve_a_status_sweep_in_pages()
    {
        // How fast is the benchmark's business; this proves the sweep is whole and paged.
        var world = Fleet.Create(5000);
        await using var server = await FakeArmServer.StartAsync(world, new FakeArmOptions { PageSize = 1000 });
        using var client = TestSupport.PinnedClient(server);

        var count = 0;
        string? next = "/subscriptions/" + Scenarios.SubscriptionId + "/providers/Microsoft.Compute/virtualMachines?statusOnly=true&api-version=2023-07-01";
        while (next is not null)
        {
            var page = await client.GetJsonAsync(next);
            count += page["value"]!.AsArray().Count;
            next = page["nextLink"]?.GetValue<string>();
        }

        Assert.Equal(5000, count);
        Assert.Equal(5, server.Requests.Count(r => r.Path.EndsWith("/virtualMachines", StringComparison.Ordinal)));

        var last = world.AllVirtualMachines().Skip(4800).Take(100).ToList();
        await Task.WhenAll(last.Select(async vm =>
        {
            var (status, _, _) = await client.SendAsync(HttpMethod.Get, vm.Id + "/instanceView?api-version=2023-07-01");
            Assert.Equal(200, status);
            var (bs, body, _) = await client.SendAsync(HttpMethod.Post,
                "/subscriptions/" + Scenarios.SubscriptionId + "/providers/Microsoft.RecoveryServices/locations/eastus/backupStatus?api-version=2025-08-01",
                "{\"resourceId\":\"" + vm.Id + "\",\"resourceType\":\"VM\"}");
            Assert.Equal(200, bs);
        }));
    }
}
