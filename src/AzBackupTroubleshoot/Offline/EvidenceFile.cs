using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using AzBackupTroubleshoot.Commands;
using AzBackupTroubleshoot.Engine.Snapshot;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Offline
{
    /// <summary>
    /// The door from the cmdlets to the engine's snapshot file: engine types stay inside, and what goes wrong leaves
    /// as an error record with the snapshot's error ids.
    /// </summary>
    internal static class EvidenceFile
    {
        /// <summary>The snapshot at <paramref name="path"/>, or null after writing why it could not be read.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static EvidenceSnapshot? Read(string path, Action<ErrorRecord> writeError)
        {
            try
            {
                return EvidenceSnapshotFile.Read(path);
            }
            catch (EvidenceSnapshotFormatException ex)
            {
                var id = ex.IsOtherVersion ? ErrorIds.EvidenceSchemaUnsupported : ErrorIds.EvidenceFileInvalid;
                writeError(id.Record(new InvalidDataException(ex.Message), path));
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                writeError(ErrorIds.EvidenceFileNotFound.Record(new ItemNotFoundException($"The evidence snapshot '{path}' does not exist.", ex), path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                writeError(ErrorIds.EvidenceFileUnreadable.Record(ex, path));
            }

            return null;
        }

        /// <exception cref="IOException">The file could not be written.</exception>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Write(EvidenceSnapshot snapshot, string path, bool redact)
        {
            using var file = File.Create(path);
            EvidenceSnapshotFile.Write(snapshot, file, redact);
        }
    }
}
