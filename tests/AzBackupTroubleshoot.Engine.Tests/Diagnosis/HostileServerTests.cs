using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Diagnosis;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Engine.Tests.Diagnosis;

/// <summary>One VM whose read answers garbage, never answers or asks to wait a day: that VM is unreadable, the others are diagnosed.</summary>
public class HostileServerTests
{
    private const string OtherVmRead = "/virtualMachines/vm-other12$";

    [Theory]
    [InlineData("html")]
    [InlineData("truncated")]
    [InlineData("hang")]
    public async Task A_vm_whose_read_answers_no_json_or_hangs_is_unreadable_naming_the_request_and_the_others_are_diagnosed(string answer)
    {
        var world = A12World.WithFailingOtherVm();
        // Long enough that no answered request of a loaded test machine reaches it; only the hung read does.
        await using var fake = await FakeArmSession.StartAsync(world, configure: c => c.NetworkTimeout = TimeSpan.FromSeconds(15));
        _ = answer switch
        {
            "html" => fake.Server.Faults.RawBody("GET", OtherVmRead, "<html><body><h1>Bad gateway</h1></body></html>", "text/html"),
            "truncated" => fake.Server.Faults.RawBody("GET", OtherVmRead, "{\"id\":\"" + A12World.OtherVm + "\",\"name\":\"vm-other12\",\"properties\":{\"vmId\":\""),
            _ => fake.Server.Faults.Hang("GET", OtherVmRead),
        };

        var result = await Diagnose(fake).DiagnoseAsync(FailedJobScope.Of(A12World.Vault), new FailedJobQuery(), default);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(A12World.OtherVm, problem.TargetId, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("GET " + A12World.OtherVm, problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(answer == "hang" ? "No answer within 15 s" : "not the JSON expected", problem.Message, StringComparison.Ordinal);
        var other = Assert.Single(result.Diagnoses, d => d.WorkloadName == "vm-other12");
        Assert.All(other.Causes, c => Assert.Equal(CauseStatus.Unknown, c.Status));
        var gone = Assert.Single(result.Diagnoses, d => d.WorkloadName == "vm-gone12");
        Assert.Equal(CauseStatus.Confirmed, gone.Causes.Single(c => c.Id == "vm-deleted").Status);

        // A hung read is not tried again.
        Assert.Equal(1, fake.Session.Requests.Snapshot().Count(r => r.Path.EndsWith("/virtualMachines/vm-other12", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_retry_after_of_a_day_is_not_waited_for_and_the_vm_is_reported_throttled()
    {
        var world = A12World.WithFailingOtherVm();
        var waits = new ConcurrentQueue<TimeSpan>();
        var said = new ConcurrentQueue<string>();
        await using var fake = await StartRecordingWaitsAsync(world, waits, said);
        fake.Server.Faults.TooManyRequests("GET", OtherVmRead, retryAfterSeconds: 86400);

        var result = await Diagnose(fake).DiagnoseAsync(FailedJobScope.Of(A12World.Vault), new FailedJobQuery(), default);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(A12World.OtherVm, problem.TargetId, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(429, problem.HttpStatus);
        Assert.Contains("asked to wait 86400 s", problem.Message, StringComparison.Ordinal);
        Assert.Contains("at most 120 s", problem.Message, StringComparison.Ordinal);
        Assert.All(waits, w => Assert.True(w <= ArmRetryPolicy.MaxWait, $"asked to wait {w}"));
        Assert.DoesNotContain(said, s => s.Contains("vm-other12", StringComparison.Ordinal));
        Assert.Equal(1, fake.Server.Requests.All.Count(r => r.Path.EndsWith("/virtualMachines/vm-other12", StringComparison.OrdinalIgnoreCase)));
        Assert.Single(result.Diagnoses, d => d.WorkloadName == "vm-gone12" && d.Causes.Single(c => c.Id == "vm-deleted").Status == CauseStatus.Confirmed);
    }

    [Fact]
    public async Task Each_wait_is_said_before_it_starts_and_all_of_one_requests_waits_stay_under_the_cap()
    {
        var world = A12World.WithFailingOtherVm();
        var waits = new ConcurrentQueue<TimeSpan>();
        var said = new ConcurrentQueue<string>();
        await using var fake = await StartRecordingWaitsAsync(world, waits, said);
        fake.Server.Faults.TooManyRequests("GET", OtherVmRead, retryAfterSeconds: 50);

        var result = await Diagnose(fake).DiagnoseAsync(FailedJobScope.Of(A12World.Vault), new FailedJobQuery(), default);

        // 50 s and 50 s are waited (each said first); a third 50 s would pass 120 s.
        Assert.Equal([TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(50)], waits);
        Assert.Equal(2, said.Count(s => s.StartsWith("Waiting 50 s before trying GET " + A12World.OtherVm + " again (Azure throttled it (429)", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(3, fake.Server.Requests.All.Count(r => r.Path.EndsWith("/virtualMachines/vm-other12", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("after 100 s already waited", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    private static LiveDiagnosis Diagnose(FakeArmSession fake) =>
        new(fake.Session, KnowledgeBase.Default, SupportedCulture.English);

    // A session whose retry waits are recorded instead of slept, with what it says under -Verbose; no read budget.
    private static Task<FakeArmSession> StartRecordingWaitsAsync(ArmWorld world, ConcurrentQueue<TimeSpan> waits, ConcurrentQueue<string> said) =>
        FakeArmSession.StartAsync(
            world,
            configure: c =>
            {
                c.Verbose = said.Enqueue;
                c.ReadBurstPerSubscription = 0;
            },
            retryWait: (wait, _) =>
            {
                waits.Enqueue(wait);
                return Task.CompletedTask;
            });
}
