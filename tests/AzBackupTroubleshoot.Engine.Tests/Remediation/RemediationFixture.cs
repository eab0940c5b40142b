using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Remediation;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Remediation;

namespace AzBackupTroubleshoot.Engine.Tests.Remediation;

/// <summary>What every remediation test does around the code under test: read the evidence, plan, run, look at the world.</summary>
internal static class RemediationFixture
{
    public static Task<VmEvidence> CollectAsync(FakeArmSession fake) =>
        new VmEvidenceCollector(fake.Session).CollectAsync(ScenarioVm.Of(fake.Server.World), default);

    public static async Task<(VmEvidence Evidence, RestorePointCleanupPlan Plan)> PlanCleanupAsync(FakeArmSession fake, CleanupMethod method)
    {
        var evidence = await CollectAsync(fake);
        return (evidence, RestorePointCleanupPlanner.Plan(evidence, method, removeLocks: true));
    }

    public static RemediationExecutor Executor(FakeArmSession fake) =>
        new(new ArmRemediationTarget(fake.Session), TimeSpan.FromSeconds(30));

    /// <summary>Every lock of the world with everything that must survive a cleanup, in a stable order.</summary>
    public static IReadOnlyList<string> LocksOf(ArmWorld world)
    {
        lock (world.SyncRoot)
        {
            return world.Locks
                .Select(l => $"{l.Id.ToUpperInvariant()} {l.Level} notes='{l.Notes}' owners={string.Join(",", l.Owners)}")
                .Order(StringComparer.Ordinal)
                .ToList();
        }
    }

    public static bool CollectionExists(ArmWorld world, string collectionId)
    {
        lock (world.SyncRoot)
        {
            return world.AllRestorePointCollections().Any(c => string.Equals(c.Id, collectionId, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The requests as "METHOD path", with each run of long-running operation polls folded into one "POLL".</summary>
    public static IReadOnlyList<string> Steps(IEnumerable<RecordedRequest> requests)
    {
        var steps = new List<string>();
        foreach (var request in requests)
        {
            var isPoll = request.Method == "GET"
                && (request.Path.Contains("/operations/", StringComparison.OrdinalIgnoreCase)
                    || request.Path.Contains("/operationsStatus/", StringComparison.OrdinalIgnoreCase)
                    || request.Path.Contains("/operationResults/", StringComparison.OrdinalIgnoreCase));
            var step = isPoll ? "POLL" : $"{request.Method} {request.Path}";
            if (!(isPoll && steps.Count > 0 && steps[^1] == "POLL"))
            {
                steps.Add(step);
            }
        }

        return steps;
    }
}
