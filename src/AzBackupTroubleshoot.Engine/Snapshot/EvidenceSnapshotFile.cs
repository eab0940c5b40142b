using System;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Snapshot
{
    /// <summary>
    /// An <see cref="EvidenceSnapshot"/> as one JSON file. The Core records are written as they are (camelCase,
    /// enums by name), so a new evidence part is one property on <see cref="VmEvidence"/> and nothing here; a property
    /// computed from others (no setter) is not written, as it cannot be read back. Schema version 1 is the only one so
    /// far: another version is refused naming both, and a malformed file names the line and position.
    /// </summary>
    public static class EvidenceSnapshotFile
    {
        private static readonly JsonSerializerOptions Options = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter() },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OnlyWhatReadsBack } },
        };

        /// <summary>Writes the snapshot without SAS query strings; with <paramref name="redact"/>, without names either.</summary>
        public static void Write(EvidenceSnapshot snapshot, Stream stream, bool redact)
        {
            var root = JsonSerializer.SerializeToNode(snapshot with { Redacted = redact }, Options)!;
            SnapshotScrubber.Scrub(root, redact);
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder });
            root.WriteTo(writer);
        }

        /// <exception cref="EvidenceSnapshotFormatException">Malformed, not a snapshot, or of another schema version.</exception>
        public static EvidenceSnapshot Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            try
            {
                using (var document = JsonDocument.Parse(bytes))
                {
                    var root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object
                        || !root.TryGetProperty("schemaVersion", out var version)
                        || !version.TryGetInt32(out var number))
                    {
                        throw EvidenceSnapshotFormatException.Malformed(path, null, null, "it has no schemaVersion; it was not written by Export-AzBackupEvidence.");
                    }

                    if (number != EvidenceSnapshot.CurrentSchemaVersion)
                    {
                        throw EvidenceSnapshotFormatException.OtherVersion(path, number);
                    }
                }

                return JsonSerializer.Deserialize<EvidenceSnapshot>(bytes, Options)
                    ?? throw EvidenceSnapshotFormatException.Malformed(path, null, null, "it is null.");
            }
            catch (JsonException ex)
            {
                throw EvidenceSnapshotFormatException.Malformed(path, ex.LineNumber + 1, ex.BytePositionInLine + 1, FirstSentence(ex.Message), ex);
            }
        }

        // A computed property (IsManaged, Kind …) has no setter: writing it would only mislead a reader of the file.
        private static void OnlyWhatReadsBack(JsonTypeInfo type)
        {
            if (type.Kind != JsonTypeInfoKind.Object)
            {
                return;
            }

            foreach (var property in type.Properties.Where(p => p.Set == null && !IsConstructorParameter(type, p)).ToList())
            {
                type.Properties.Remove(property);
            }
        }

        private static bool IsConstructorParameter(JsonTypeInfo type, JsonPropertyInfo property) =>
            type.Type.GetConstructors().Any(c => c.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)));

        // JsonException's message ends with its own " LineNumber: … | BytePositionInLine: …" which we give as words.
        private static string FirstSentence(string message)
        {
            var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return end < 0 ? message : message.Substring(0, end);
        }
    }
}
