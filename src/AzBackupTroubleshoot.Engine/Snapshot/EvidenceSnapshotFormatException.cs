using System;

namespace AzBackupTroubleshoot.Engine.Snapshot
{
    /// <summary>An evidence snapshot file is not valid JSON of a snapshot, or was written in a schema this module does not read.</summary>
    public sealed class EvidenceSnapshotFormatException : Exception
    {
        public EvidenceSnapshotFormatException(string message, Exception? innerException = null)
            : base(message, innerException)
        {
        }

        /// <summary>True when the file is well formed but of another schema version.</summary>
        public bool IsOtherVersion { get; private init; }

        public static EvidenceSnapshotFormatException Malformed(string path, long? line, long? position, string problem, Exception? innerException = null) =>
            new(line.HasValue
                ? $"'{path}' is not a valid evidence snapshot (line {line}, position {position}): {problem}"
                : $"'{path}' is not a valid evidence snapshot: {problem}", innerException);

        public static EvidenceSnapshotFormatException OtherVersion(string path, int version) =>
            new($"'{path}' is an evidence snapshot of schema version {version}; this module reads schema version {Evidence.EvidenceSnapshot.CurrentSchemaVersion}. Export it again with this module, or judge it with a module that reads version {version}.")
            {
                IsOtherVersion = true,
            };
    }
}
