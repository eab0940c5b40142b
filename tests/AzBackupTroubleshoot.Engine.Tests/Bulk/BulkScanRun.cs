using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection.Bulk;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Tests.Bulk;

/// <summary>A finished bulk scan: its evidence by VM id, its problems, and the last progress heard.</summary>
internal sealed class BulkScanRun
{
    private BulkScanRun(IReadOnlyDictionary<string, VmEvidence> evidence, IReadOnlyList<ReadProblem> problems, IReadOnlyList<BulkScanProgress> progress)
    {
        Evidence = evidence;
        Problems = problems;
        Progress = progress;
    }

    public IReadOnlyDictionary<string, VmEvidence> Evidence { get; }

    public IReadOnlyList<ReadProblem> Problems { get; }

    public IReadOnlyList<BulkScanProgress> Progress { get; }

    public static async Task<BulkScanRun> ScanAsync(AzureSession session, BulkCollectionOptions options, params string[] scopes)
    {
        var evidence = new Dictionary<string, VmEvidence>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<ReadProblem>();
        var progress = new List<BulkScanProgress>();
        var reporter = new SynchronousProgress(p =>
        {
            lock (progress)
            {
                progress.Add(p);
            }
        });
        await foreach (var result in new BulkEvidenceCollector(session, options).CollectAsync(scopes, reporter))
        {
            if (result.Evidence is { } found)
            {
                Assert.True(evidence.TryAdd(found.Vm.ResourceId, found), "each VM once: " + found.Vm.ResourceId);
            }
            else
            {
                problems.Add(result.Problem!);
            }
        }

        return new BulkScanRun(evidence, problems, progress);
    }

    /// <summary>
    /// Evidence as JSON without its time stamp and the durations of running jobs (the service computes them at each
    /// read), deny policies in a stable order: what rules see.
    /// </summary>
    public static string Comparable(VmEvidence evidence) =>
        JsonSerializer.Serialize(evidence with
        {
            CollectedAt = default,
            RecentJobs = evidence.RecentJobs?.Select(j => j.EndTime == null ? j with { Duration = null } : j).ToArray(),
            DenyPolicies = evidence.DenyPolicies?.OrderBy(p => p.AssignmentId, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.PolicyDefinitionId, StringComparer.Ordinal).ToArray(),
        });

    private sealed class SynchronousProgress(Action<BulkScanProgress> report) : IProgress<BulkScanProgress>
    {
        public void Report(BulkScanProgress value) => report(value);
    }
}
