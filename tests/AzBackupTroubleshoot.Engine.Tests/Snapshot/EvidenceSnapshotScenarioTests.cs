using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Diagnosis;
using AzBackupTroubleshoot.Engine.Snapshot;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Identifiers;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Engine.Tests.Snapshot;

/// <summary>
/// Every scenario of the fake ARM (and a fleet read in bulk), read live, exported, and judged again from the file:
/// the same results, at the same cost in requests, and nothing secret in the file.
/// </summary>
public class EvidenceSnapshotScenarioTests
{
    public static TheoryData<string> ScenarioNames => new(Scenarios.Names);

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public async Task A_readiness_snapshot_judges_offline_as_the_live_run_did_and_costs_the_same_requests(string scenario)
    {
        var world = Scenarios.Load(scenario);
        var vm = AzureResourceId.Parse(world.VmUnderTest!);
        await using var fake = await FakeArmSession.StartAsync(world);
        fake.Server.Requests.Clear(); // the session's metadata read, once for both runs

        var live = new List<VmEvidence>();
        await EvidenceScan.RunAsync(fake.Session, [vm], [], leanRestorePointCount: false, e => { lock (live) { live.Add(e); } }, _ => { }, (_, _) => { }, default);
        var liveRequests = Requests(fake);
        fake.Server.Requests.Clear();

        var snapshot = await EvidenceCapture.ReadinessAsync(fake.Session, [vm], [], (_, _) => { }, default);
        var exportRequests = Requests(fake);
        Assert.Equal(liveRequests, exportRequests);

        var (read, text) = SnapshotRoundTrip.Through(snapshot);
        Assert.Equal(Judged(snapshot.Vms), Judged(read.Vms));
        Assert.Equal(SnapshotRoundTrip.Comparably(snapshot.Problems), SnapshotRoundTrip.Comparably(read.Problems));
        Assert.Contains("\"schemaVersion\": 1", text, StringComparison.Ordinal);
        Assert.Contains("\"capturedAt\"", text, StringComparison.Ordinal);
        AssertNothingSecret(text);
        AssertNoName(SnapshotRoundTrip.Through(snapshot, redact: true).Text, snapshot);
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public async Task A_diagnosis_snapshot_holds_the_failed_jobs_and_diagnoses_offline_as_the_live_run_did(string scenario)
    {
        var world = Scenarios.Load(scenario);
        await using var fake = await FakeArmSession.StartAsync(world);
        fake.Server.Requests.Clear(); // the session's metadata read, once for both runs
        var scope = world.VmUnderTest!;

        var live = await new LiveDiagnosis(fake.Session, KnowledgeBase.Default, SupportedCulture.English).DiagnoseAsync(FailedJobScope.Of(scope), new FailedJobQuery(), default);
        var liveRequests = fake.Server.Requests.Total;
        fake.Server.Requests.Clear();

        var snapshot = await EvidenceCapture.DiagnosisAsync(fake.Session, [scope], new FailedJobQuery(), default);
        Assert.Equal(liveRequests, fake.Server.Requests.Total);
        Assert.Equal(SnapshotRoundTrip.Comparably(live.Jobs), SnapshotRoundTrip.Comparably(snapshot.FailedJobs));

        var (read, text) = SnapshotRoundTrip.Through(snapshot);
        var offline = EvidenceDiagnosis.Diagnose(KnowledgeBase.Default, SupportedCulture.English, read.FailedJobs!, read.Vms);
        Assert.Equal(SnapshotRoundTrip.Comparably(live.Diagnoses), SnapshotRoundTrip.Comparably(offline));
        AssertNothingSecret(text);
        AssertNoName(SnapshotRoundTrip.Through(snapshot, redact: true).Text, snapshot);
    }

    [Fact]
    public async Task A_fleet_read_in_bulk_judges_offline_as_the_live_run_did_and_costs_the_same_requests()
    {
        var world = Fleet.Create(40, new FleetOptions { LockRestorePointGroup = true });
        await using var fake = await FakeArmSession.StartAsync(world);
        fake.Server.Requests.Clear(); // the session's metadata read, once for both runs
        var subscription = "/subscriptions/" + Scenarios.SubscriptionId;

        await EvidenceScan.RunAsync(fake.Session, [], [subscription], leanRestorePointCount: false, _ => { }, _ => { }, (_, _) => { }, default);
        var liveRequests = Requests(fake);
        fake.Server.Requests.Clear();

        var snapshot = await EvidenceCapture.ReadinessAsync(fake.Session, [], [subscription], (_, _) => { }, default);
        Assert.Equal(liveRequests, Requests(fake));
        Assert.Equal(40, snapshot.Vms.Count);

        var (read, text) = SnapshotRoundTrip.Through(snapshot);
        Assert.Equal(Judged(snapshot.Vms), Judged(read.Vms));
        Assert.Contains(read.Vms.SelectMany(v => v.RestorePointCollections ?? []), c => c.RestorePointCount != null);
        AssertNothingSecret(text);

        var redacted = SnapshotRoundTrip.Through(snapshot, redact: true);
        AssertNoName(redacted.Text, snapshot);
        Assert.True(redacted.Snapshot.Redacted);
        Assert.Equal(
            Judged(snapshot.Vms).Select(VerdictsOnly),
            Judged(redacted.Snapshot.Vms).Select(VerdictsOnly));
    }

    // The job window starts at the wall clock's "now", a second apart between two runs; the reads are the same.
    private static string Requests(FakeArmSession fake) => string.Join(
        "\n",
        fake.Server.Requests.All
            .Select(r => r.Method + " " + Regex.Replace(r.PathAndQuery, @"\d{4}-\d{2}-\d{2}%20\d{2}%3A\d{2}%3A\d{2}%20[AP]M", "<time>"))
            .Order(StringComparer.Ordinal));

    private static string VerdictsOnly(string judged) => Regex.Replace(judged, "\"(VmName|ResourceGroupName|SubscriptionId|VmId|Evidence|RemedyCommand)\":(\"[^\"]*\"|null),?", string.Empty);

    private static List<string> Judged(IEnumerable<VmEvidence> vms)
    {
        var evaluator = new ReadinessEvaluator(RuleCatalog.Default, KnowledgeBase.Default, SupportedCulture.English);
        return vms.OrderBy(v => v.Vm.ResourceId, StringComparer.OrdinalIgnoreCase).Select(v => SnapshotRoundTrip.Comparably(evaluator.Evaluate(v))).ToList();
    }

    internal static void AssertNothingSecret(string text)
    {
        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("protectedSettings", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("-----BEGIN", text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeArmSession.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("customData", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("userData", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("[A-Za-z0-9+/]{80,}={0,2}", text);
    }

    /// <summary>No subscription id, and no resource group (but the service's own AzureBackupRG_*), VM or vault name anywhere, not even inside another word.</summary>
    internal static void AssertNoName(string redacted, EvidenceSnapshot original)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ids = original.Vms.Select(v => v.Vm.ResourceId)
            .Concat(original.Vms.Select(v => v.Protection?.VaultId))
            .Concat((original.FailedJobs ?? []).Concat(original.Vms.SelectMany(v => v.RecentJobs ?? [])).SelectMany(j => new[] { j.VaultId, j.VmId }))
            .OfType<string>();
        foreach (var id in ids)
        {
            var parsed = AzureResourceId.Parse(id);
            names.Add(parsed.SubscriptionId);
            if (parsed.ResourceGroupName is { } group && !group.StartsWith("AzureBackupRG_", StringComparison.OrdinalIgnoreCase))
            {
                names.Add(group);
            }

            if (parsed.Name is { } name)
            {
                names.Add(name);
            }
        }

        Assert.True(names.Count > 0 || original.Vms.Count + (original.FailedJobs?.Count ?? 0) == 0, "a snapshot with evidence names something");
        foreach (var name in names)
        {
            Assert.DoesNotContain(name, redacted, StringComparison.OrdinalIgnoreCase);
        }
    }
}
