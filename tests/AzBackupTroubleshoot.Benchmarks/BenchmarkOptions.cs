using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AzBackupTroubleshoot.Benchmarks;

/// <summary>
/// Command line: --n 1,100,1000,5000 --workloads single,rg,subscription,diagnosis,naive,import --latency-ms 25
/// --no-throttle --naive-max 1000 --module path/to/AzBackupTroubleshoot.psd1
/// </summary>
internal sealed class BenchmarkOptions
{
    public static readonly string[] AllWorkloads = ["import", "single", "rg", "subscription", "diagnosis", "naive"];

    public IReadOnlyList<int> VmCounts { get; private set; } = [1, 100, 1000, 5000];

    public IReadOnlyList<string> Workloads { get; private set; } = AllWorkloads;

    public TimeSpan Latency { get; private set; } = TimeSpan.FromMilliseconds(25);

    public bool Throttle { get; private set; } = true;

    /// <summary>The naive baseline sends about five reads a VM at ARM's 25 a second: above this many VMs it is skipped.</summary>
    public int NaiveMaxVms { get; private set; } = 1000;

    public string? ModulePath { get; private set; }

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--n":
                    options.VmCounts = Next().Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--workloads":
                    options.Workloads = Next().Split(',').Select(w => w.Trim().ToLowerInvariant()).ToArray();
                    var unknown = options.Workloads.Except(AllWorkloads).ToArray();
                    if (unknown.Length > 0)
                    {
                        throw new ArgumentException($"Unknown workload(s) {string.Join(", ", unknown)}; known: {string.Join(", ", AllWorkloads)}.");
                    }

                    break;
                case "--latency-ms":
                    options.Latency = TimeSpan.FromMilliseconds(int.Parse(Next(), CultureInfo.InvariantCulture));
                    break;
                case "--no-throttle":
                    options.Throttle = false;
                    break;
                case "--naive-max":
                    options.NaiveMaxVms = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--module":
                    options.ModulePath = Next();
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. " + typeof(BenchmarkOptions).Name + ": --n, --workloads, --latency-ms, --no-throttle, --naive-max, --module.");
            }
        }

        return options;
    }
}
