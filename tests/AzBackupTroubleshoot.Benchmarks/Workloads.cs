using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Collection.Bulk;
using AzBackupTroubleshoot.Engine.Diagnosis;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Benchmarks;

/// <summary>Each workload against a fresh fake ARM serving a fleet of N VMs.</summary>
internal static class Workloads
{
    public static async Task<WorkloadResult> RunAsync(string workload, int vms, BenchmarkOptions options)
    {
        var now = DateTimeOffset.UtcNow;
        var world = BenchmarkFleet.Create(vms, now);
        await using var harness = await FakeArmHarness.StartAsync(world, options);
        return workload switch
        {
            "single" => await SingleVmAsync(harness, world, vms),
            "rg" => await BulkAsync(harness, "rg", vms, world.Subscriptions[0].ResourceGroups.First(g => g.VirtualMachines.Count > 0).Id, world.Subscriptions[0].ResourceGroups.First(g => g.VirtualMachines.Count > 0).VirtualMachines.Count),
            "subscription" => await BulkAsync(harness, "subscription", vms, BenchmarkFleet.SubscriptionId, vms),
            "diagnosis" => await DiagnosisAsync(harness, vms),
            "naive" => await NaiveAsync(harness, vms, now),
            _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, "no such workload"),
        };
    }

    /// <summary>The critical path of one VM: a warm-up read, then the median of five.</summary>
    private static async Task<WorkloadResult> SingleVmAsync(FakeArmHarness harness, ArmWorld world, int vms)
    {
        var vm = world.AllVirtualMachines().First();
        var identity = new VmIdentity(vm.Id, BenchmarkFleet.SubscriptionId, vm.ResourceGroup!.Name, vm.Name);
        var collector = new VmEvidenceCollector(harness.Session);
        await collector.CollectAsync(identity, default);
        var times = new double[5];
        var requests = 0;
        using var memory = new MemorySampler();
        var throttledBefore = harness.Server.Faults.TooManyRequestsSent;
        for (var i = 0; i < times.Length; i++)
        {
            harness.Session.Requests.Clear();
            var clock = Stopwatch.StartNew();
            await collector.CollectAsync(identity, default);
            times[i] = clock.Elapsed.TotalSeconds;
            requests = harness.Session.Requests.Count;
        }

        var median = times.OrderBy(t => t).ElementAt(times.Length / 2);
        return new WorkloadResult("single", vms, 1, 0, requests, harness.Server.Faults.TooManyRequestsSent - throttledBefore, median, median, Mb(memory.Peak), Mb(memory.Peak - memory.Baseline), "median of 5 after a warm-up");
    }

    private static async Task<WorkloadResult> BulkAsync(FakeArmHarness harness, string name, int fleet, string scope, int vmsInScope)
    {
        using var memory = new MemorySampler();
        var clock = Stopwatch.StartNew();
        double? first = null;
        int judged = 0, failed = 0;
        await foreach (var result in new BulkEvidenceCollector(harness.Session).CollectAsync([scope]))
        {
            first ??= clock.Elapsed.TotalSeconds;
            if (result.Evidence != null)
            {
                judged++;
            }
            else if (result.Problem!.Part == EvidencePart.Vm)
            {
                failed++;
            }
        }

        var wall = clock.Elapsed.TotalSeconds;
        var note = name == "rg" ? $"one resource group of the {fleet}-VM fleet" : null;
        return new WorkloadResult(name, vmsInScope, judged, failed, harness.Session.Requests.Count, harness.Server.Faults.TooManyRequestsSent, wall, first ?? wall, Mb(memory.Peak), Mb(memory.Peak - memory.Baseline), note);
    }

    /// <summary>Every failed job of the subscription's vaults in the last 7 days, diagnosed against its VM's evidence.</summary>
    private static async Task<WorkloadResult> DiagnosisAsync(FakeArmHarness harness, int vms)
    {
        using var memory = new MemorySampler();
        var clock = Stopwatch.StartNew();
        var diagnosis = new LiveDiagnosis(harness.Session, KnowledgeBase.Default, SupportedCulture.English);
        var result = await diagnosis.DiagnoseAsync(FailedJobScope.Of("/subscriptions/" + BenchmarkFleet.SubscriptionId), new FailedJobQuery(), default);
        var wall = clock.Elapsed.TotalSeconds;
        var note = $"{result.Jobs.Count} failed jobs of {result.Evidence.Count} VMs, {result.Diagnoses.Count} diagnoses";
        return new WorkloadResult("diagnosis", vms, result.Evidence.Count, result.Problems.Count, harness.Session.Requests.Count, harness.Server.Faults.TooManyRequestsSent, wall, wall, Mb(memory.Peak), Mb(memory.Peak - memory.Baseline), note);
    }

    private static async Task<WorkloadResult> NaiveAsync(FakeArmHarness harness, int vms, DateTimeOffset now)
    {
        using var memory = new MemorySampler();
        using var script = new NaiveScriptBaseline(harness.Server.Endpoint, harness.Server.Certificate, now);
        var clock = Stopwatch.StartNew();
        double? first = null;
        var (judged, failed) = await script.RunAsync(BenchmarkFleet.SubscriptionId, () => first ??= clock.Elapsed.TotalSeconds);
        var wall = clock.Elapsed.TotalSeconds;
        return new WorkloadResult("naive", vms, judged, failed, script.Requests, harness.Server.Faults.TooManyRequestsSent, wall, first ?? wall, Mb(memory.Peak), Mb(memory.Peak - memory.Baseline), "sequential, as a script over Az cmdlets");
    }

    private static double Mb(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);
}
