using System;
using System.IO;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Diagnosis;
using AzBackupTroubleshoot.Engine.Snapshot;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests.Snapshot;

/// <summary>
/// Schema 1 is what the Core evidence records look like as JSON. A snapshot written once (B4's diagnosis: evidence of
/// every part, failed jobs) must read back to the very same file: a renamed or retyped evidence property would
/// silently drop its value from old snapshots, and needs a new schema version with a migration instead. Regenerate
/// with AZBT_REGENERATE_SNAPSHOT_FIXTURE=1 only for an addition.
/// </summary>
public class SchemaOneTests
{
    private static string Fixture => Path.Combine(RepoPaths.Root, "tests", "AzBackupTroubleshoot.Engine.Tests", "Snapshot", "schema-1.json");

    [Fact]
    public async Task A_schema_1_snapshot_reads_back_to_the_same_file()
    {
        if (Environment.GetEnvironmentVariable("AZBT_REGENERATE_SNAPSHOT_FIXTURE") == "1")
        {
            var world = Scenarios.Load("B4-locked-restore-point-group");
            await using var fake = await FakeArmSession.StartAsync(world);
            var snapshot = await EvidenceCapture.DiagnosisAsync(fake.Session, [world.VmUnderTest!], new FailedJobQuery(), default);
            using var file = File.Create(Fixture);
            EvidenceSnapshotFile.Write(snapshot, file, redact: false);
        }

        var (_, text) = SnapshotRoundTrip.Through(EvidenceSnapshotFile.Read(Fixture));

        Assert.Equal(File.ReadAllText(Fixture), text);
    }
}
