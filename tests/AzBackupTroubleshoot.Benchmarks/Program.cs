using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Benchmarks;

// Starts the fake ARM with fleets of N VMs (ARM-like latency and throttling) and measures each workload: requests
// sent and per VM, 429s received, wall time, time to the first result, peak managed memory. Prints one table and
// writes the same figures to benchmark-results/<time>.json at the repository root.
if (TrustedRelaunch.RunTrusted(args) is { } trustedExitCode)
{
    Environment.Exit(trustedExitCode);
}

var options = BenchmarkOptions.Parse(args);
var results = new List<WorkloadResult>();
var repoRoot = FindRepoRoot();

// First, while this process has loaded no Azure assembly.
if (options.Workloads.Contains("import"))
{
    results.Add(ModuleImportTiming.Measure(options.ModulePath ?? BuiltModuleManifest()));
    Console.Error.WriteLine(Describe(results[^1]));
}

foreach (var vms in options.VmCounts)
{
    foreach (var workload in options.Workloads.Where(w => w != "import"))
    {
        if (workload == "naive" && vms > options.NaiveMaxVms)
        {
            results.Add(new WorkloadResult("naive", vms, 0, 0, 0, 0, 0, 0, 0, 0, $"skipped above {options.NaiveMaxVms} VMs (--naive-max)"));
            continue;
        }

        results.Add(await Workloads.RunAsync(workload, vms, options));
        Console.Error.WriteLine(Describe(results[^1]));
    }
}

var table = Table(results, options);
Console.WriteLine(table);
var folder = Path.Combine(repoRoot, "benchmark-results");
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".json");
await File.WriteAllTextAsync(file, JsonSerializer.Serialize(
    new
    {
        latencyMs = options.Latency.TotalMilliseconds,
        throttle = options.Throttle ? "token bucket 250, 25/s, 429 + Retry-After" : "none",
        processors = Environment.ProcessorCount,
        results = results.Select(r => new
        {
            r.Workload,
            r.Vms,
            r.VmsJudged,
            r.FailedVms,
            r.Requests,
            RequestsPerVm = Math.Round(r.RequestsPerVm, 3),
            r.TooManyRequests,
            r.WallSeconds,
            r.FirstResultSeconds,
            r.PeakManagedMb,
            r.WorkloadManagedMb,
            r.Note,
        }),
    },
    new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine("Written: " + file);

static string Describe(WorkloadResult r) =>
    string.Create(CultureInfo.InvariantCulture, $"{r.Workload} N={r.Vms}: {r.Requests} requests, {r.WallSeconds:0.000} s{(r.Note == null ? string.Empty : " (" + r.Note + ")")}");

static string Table(IReadOnlyList<WorkloadResult> results, BenchmarkOptions options)
{
    var text = new StringBuilder();
    text.AppendLine(CultureInfo.InvariantCulture, $"Fake ARM: latency {options.Latency.TotalMilliseconds} ms, throttling {(options.Throttle ? "250 tokens, 25/s refill, 429 + Retry-After" : "off")}, {Environment.ProcessorCount} cores");
    text.AppendLine("| workload | VMs | judged | failed | requests | req/VM | 429s | wall s | first s | peak MB | workload MB | note |");
    text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    foreach (var r in results)
    {
        text.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {r.Workload} | {r.Vms} | {r.VmsJudged} | {r.FailedVms} | {r.Requests} | {r.RequestsPerVm:0.000} | {r.TooManyRequests} | {r.WallSeconds:0.000} | {r.FirstResultSeconds:0.000} | {r.PeakManagedMb:0.0} | {r.WorkloadManagedMb:0.0} | {r.Note} |"));
    }

    return text.ToString();
}

// The module this benchmark was built with, baked in by the build (the layout folder names the version).
static string BuiltModuleManifest() =>
    typeof(BenchmarkOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ModuleManifest").Value!;

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AzBackupTroubleshoot.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
