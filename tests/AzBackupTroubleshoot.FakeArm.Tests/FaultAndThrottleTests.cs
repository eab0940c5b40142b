using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.FakeArm.Tests;

public sealed class FaultAndThrottleTests
{
    private const string Sub = "/subscriptions/" + Scenarios.SubscriptionId;
    private const string Vm = Sub + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-win01";
    private const string Api = "api-version=2023-07-01";

    [Fact]
    public async Task A_403_rule_fires_n_times_then_requests_pass()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);
        var rule = server.Faults.Forbidden("GET", "/virtualMachines/[^/]+$", "Microsoft.Compute/virtualMachines/read", times: 2);

        for (var i = 0; i < 2; i++)
        {
            var (status, body, _) = await client.SendAsync(HttpMethod.Get, Vm + "?" + Api);
            Assert.Equal(403, status);
            Assert.Equal("AuthorizationFailed", body.Str("error.code"));
            Assert.Contains("'Microsoft.Compute/virtualMachines/read'", body.Str("error.message"), StringComparison.Ordinal);
            Assert.Contains(Vm, body.Str("error.message"), StringComparison.Ordinal);
        }

        var (ok, _, _) = await client.SendAsync(HttpMethod.Get, Vm + "?" + Api);
        Assert.Equal(200, ok);
        Assert.Equal(2, rule.Hits);
        var (other, _, _) = await client.SendAsync(HttpMethod.Get, Vm + "/instanceView?" + Api);
        Assert.Equal(200, other);
        Assert.Equal(2, server.Requests.Count(r => r.ErrorCode == "AuthorizationFailed"));
    }

    [Fact]
    public async Task Always_rules_500_503_409_and_method_matching()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);
        server.Faults.Respond("GET", "instanceView", 500, "InternalServerError");
        server.Faults.Respond(null, "/disks", 503, "ServiceUnavailable");
        server.Faults.Respond("DELETE", "/extensions/", 409, "ScopeLocked");

        for (var i = 0; i < 3; i++)
        {
            var (s, b, _) = await client.SendAsync(HttpMethod.Get, Vm + "/instanceView?" + Api);
            Assert.Equal(500, s);
            Assert.Equal("InternalServerError", b.Str("error.code"));
        }

        var (s503, _, r503) = await client.SendAsync(HttpMethod.Get, Sub + "/providers/Microsoft.Compute/disks?" + Api);
        Assert.Equal(503, s503);
        Assert.NotNull(r503.Headers.RetryAfter);
        var (s409, b409, _) = await client.SendAsync(HttpMethod.Delete, Vm + "/extensions/VMSnapshot?" + Api);
        Assert.Equal(409, s409);
        Assert.Equal("ScopeLocked", b409.Str("error.code"));
        var (getExt, _, _) = await client.SendAsync(HttpMethod.Get, Vm + "/extensions/VMSnapshot?" + Api);
        Assert.Equal(200, getExt);

        server.Faults.Clear();
        var (fine, _, _) = await client.SendAsync(HttpMethod.Get, Vm + "/instanceView?" + Api);
        Assert.Equal(200, fine);
    }

    [Fact]
    public async Task A_hang_rule_never_answers_until_the_client_gives_up()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);
        server.Faults.Hang("GET", "/virtualMachines/vm-win01$", times: 1);

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(new Uri(Vm + "?" + Api, UriKind.Relative), cts.Token));

        var (after, _, _) = await client.SendAsync(HttpMethod.Get, Vm + "?" + Api);
        Assert.Equal(200, after);
        for (var i = 0; i < 50 && server.Requests.Count(r => r.Status == 499) == 0; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, server.Requests.Count(r => r.Status == 499));
    }

    [Fact]
    public async Task A_429_rule_sends_retry_after_and_is_counted()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);
        server.Faults.TooManyRequests("GET", ".*", retryAfterSeconds: 7, times: 1);

        var (s, b, r) = await client.SendAsync(HttpMethod.Get, Vm + "?" + Api);
        Assert.Equal(429, s);
        Assert.Equal("SubscriptionRequestsThrottled", b.Str("error.code"));
        Assert.Equal(TimeSpan.FromSeconds(7), r.Headers.RetryAfter!.Delta);
        Assert.Equal("0", r.Headers.GetValues("x-ms-ratelimit-remaining-subscription-reads").Single());
        Assert.Equal(1, server.Faults.TooManyRequestsSent);
    }

    [Fact]
    public async Task The_token_bucket_throttles_with_retry_after_and_refills()
    {
        var elapsed = TimeSpan.Zero;
        var options = new FakeArmOptions { Throttle = new ThrottleOptions { Capacity = 5, RefillPerSecond = 2, Elapsed = () => elapsed } };
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"), options);
        using var client = TestSupport.PinnedClient(server);

        var statuses = new int[8];
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < statuses.Length; i++)
        {
            var (s, _, r) = await client.SendAsync(HttpMethod.Get, Vm + "?" + Api);
            statuses[i] = s;
            if (s == 429)
            {
                throttled ??= r;
            }
            else
            {
                Assert.True(int.Parse(r.Headers.GetValues("x-ms-ratelimit-remaining-subscription-reads").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 0);
            }
        }

        Assert.Equal(5, statuses.Take(5).Count(s => s == 200));
        Assert.Contains(429, statuses.Skip(5));
        Assert.NotNull(throttled);
        Assert.True(throttled!.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("0", throttled.Headers.GetValues("x-ms-ratelimit-remaining-subscription-reads").Single());
        Assert.Equal(statuses.Count(s => s == 429), server.Faults.TooManyRequestsSent);

        var (stillEmpty, _, _) = await client.SendAsync(HttpMethod.Get, Vm + "?" + Api);
        Assert.Equal(429, stillEmpty);
        elapsed = TimeSpan.FromSeconds(0.6);
        var (refilled, _, _) = await client.SendAsync(HttpMethod.Get, Vm + "?" + Api);
        Assert.Equal(200, refilled);
    }

    [Fact]
    public async Task Latency_comes_before_the_answer()
    {
        // An hour of latency: the request is still unanswered when the client gives up, and the server logs it so.
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"), new FakeArmOptions { Latency = TimeSpan.FromHours(1) });
        using var client = TestSupport.PinnedClient(server);
        using var giveUp = new System.Threading.CancellationTokenSource();
        var pending = client.GetAsync(new Uri(Vm + "?" + Api, UriKind.Relative), giveUp.Token);
        await Eventually.ValueAsync(() => server.InFlight == 1 ? server : null, "the request reaching the server");
        Assert.False(pending.IsCompleted);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);

        var logged = await Eventually.ValueAsync(() => server.Requests.All.FirstOrDefault());
        Assert.Equal(499, logged.Status);
    }
}
