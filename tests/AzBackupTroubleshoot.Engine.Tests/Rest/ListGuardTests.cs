using System;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Engine.Tests.Collection;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests.Rest;

/// <summary>A list whose nextLink never ends stops with an error naming the list, in our REST lists and the SDK's.</summary>
public class ListGuardTests
{
    [Fact]
    public async Task A_rest_list_whose_page_links_to_itself_stops_at_the_repeat_and_names_the_list()
    {
        var (world, _, _, _) = TestWorlds.Protected();
        await using var fake = await FakeArmSession.StartAsync(world);
        fake.Server.Faults.NextLinkCycle("GET", "/Microsoft.RecoveryServices/vaults$", length: 1);
        var path = $"/subscriptions/{Scenarios.SubscriptionId}/providers/Microsoft.RecoveryServices/vaults";

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => fake.Session.Rest.GetAllPagesAsync<object>(path, Query.ApiVersion(ApiVersions.RecoveryServices), default));

        Assert.Equal("NextLinkRepeated", error.ErrorCode);
        Assert.Equal(path, error.Path);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, fake.Server.Requests.All.Count(r => r.Path.EndsWith("/vaults", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task An_sdk_list_going_round_a_cycle_of_pages_becomes_a_gap_naming_the_list()
    {
        var (world, vm, _, _) = TestWorlds.Protected();
        await using var fake = await FakeArmSession.StartAsync(world);
        fake.Server.Faults.NextLinkCycle("GET", "/providers/Microsoft.Authorization/locks$", length: 3);

        var evidence = await new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(vm), default);

        var gap = Assert.Single(evidence.Gaps);
        Assert.Equal(EvidencePart.Locks, gap.Part);
        Assert.Contains($"/subscriptions/{Scenarios.SubscriptionId}/providers/Microsoft.Authorization/locks", gap.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("links back to a page already read", gap.Reason, StringComparison.Ordinal);

        // Pages 0 → 1 → 2 → 0 → 1: the fourth link is the first to repeat.
        Assert.Equal(4, fake.Server.Requests.All.Count(r => r.Path.EndsWith("/locks", StringComparison.OrdinalIgnoreCase)));
        Assert.NotNull(evidence.RestorePointCollections);
    }

    [Fact]
    public void A_list_of_new_links_stops_at_the_page_cap()
    {
        var guard = new ListGuard("/subscriptions/s/resources");
        for (var page = 1; page < ListGuard.MaxPages; page++)
        {
            guard.Read(0, "https://arm.example/subscriptions/s/resources?$skiptoken=" + page);
        }

        var error = Assert.Throws<ArmRequestException>(() => guard.Read(0, "https://arm.example/subscriptions/s/resources?$skiptoken=last"));
        Assert.Equal("ListTooLong", error.ErrorCode);
        Assert.Contains("/subscriptions/s/resources", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_stops_at_the_item_cap_and_a_last_page_at_the_page_cap_is_read()
    {
        var pages = new ListGuard("/p");
        for (var page = 1; page < ListGuard.MaxPages; page++)
        {
            pages.Read(1, "https://arm.example/p?$skiptoken=" + page);
        }

        pages.Read(1, nextLink: null);

        var items = new ListGuard("/p");
        items.Read(ListGuard.MaxItems, "https://arm.example/p?$skiptoken=1");
        Assert.Equal("ListTooLong", Assert.Throws<ArmRequestException>(() => items.Read(1, "https://arm.example/p?$skiptoken=2")).ErrorCode);
    }
}
