using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.FakeArm.Tests;

public sealed class FleetTests(Xunit.Abstractions.ITestOutputHelper output)
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
    public async Task Five_thousand_vms_serve_a_status_sweep_quickly()
    {
        var sw = Stopwatch.StartNew();
        var world = Fleet.Create(5000);
        var built = sw.Elapsed;
        await using var server = await FakeArmServer.StartAsync(world, new FakeArmOptions { PageSize = 1000 });
        using var client = TestSupport.PinnedClient(server);

        sw.Restart();
        var count = 0;
        string? next = "/subscriptions/" + Scenarios.SubscriptionId + "/providers/Microsoft.Compute/virtualMachines?statusOnly=true&api-version=2023-07-01";
        while (next is not null)
        {
            var page = await client.GetJsonAsync(next);
            count += page["value"]!.AsArray().Count;
            next = page["nextLink"]?.GetValue<string>();
        }

        var listed = sw.Elapsed;
        Assert.Equal(5000, count);

        sw.Restart();
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
        output.WriteLine($"build {built.TotalMilliseconds:F0} ms, list 5000 {listed.TotalMilliseconds:F0} ms, 100 instance views + backup status {sw.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(listed < TimeSpan.FromSeconds(15), listed.ToString());
    }
}
