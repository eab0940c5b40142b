using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using AzBackupTroubleshoot.Engine.Snapshot;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Tests.Snapshot;

/// <summary>Writes a snapshot to a file and reads it back, and compares results by their every property.</summary>
internal static class SnapshotRoundTrip
{
    private static readonly JsonSerializerOptions Comparable = new() { Converters = { new JsonStringEnumConverter() } };

    public static (EvidenceSnapshot Snapshot, string Text) Through(EvidenceSnapshot snapshot, bool redact = false)
    {
        var path = Path.Combine(Path.GetTempPath(), $"azbt-snapshot-{System.Guid.NewGuid():N}.json");
        try
        {
            using (var file = File.Create(path))
            {
                EvidenceSnapshotFile.Write(snapshot, file, redact);
            }

            return (EvidenceSnapshotFile.Read(path), File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Every public property, nested lists included, as text: records compare lists by reference.</summary>
    public static string Comparably<T>(T value) => JsonSerializer.Serialize(value, Comparable);
}
