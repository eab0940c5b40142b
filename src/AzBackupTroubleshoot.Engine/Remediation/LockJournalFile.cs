using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Remediation;

namespace AzBackupTroubleshoot.Engine.Remediation
{
    /// <summary>
    /// The lock journal as JSON files in a folder (<see cref="LockJournalLocation"/>): one file per run, written and
    /// flushed to disk before the first lock is lifted, deleted once every lock is back.
    /// </summary>
    public sealed class LockJournalFile : ILockJournal
    {
        private static readonly JsonSerializerOptions Options = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        private readonly string _directory;
        private readonly Func<DateTimeOffset> _clock;

        public LockJournalFile(string directory)
            : this(directory, () => DateTimeOffset.UtcNow)
        {
        }

        internal LockJournalFile(string directory, Func<DateTimeOffset> clock)
        {
            _directory = directory;
            _clock = clock;
        }

        public LockJournalEntry Write(LockJournalEntry entry)
        {
            if (entry == null)
            {
                throw new ArgumentNullException(nameof(entry));
            }

            var now = _clock();
            System.IO.Directory.CreateDirectory(_directory);
            var path = Path.Combine(_directory, now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8) + LockJournalLocation.Extension);
            var written = entry with { Path = path, RecordedAt = now };
            var bytes = JsonSerializer.SerializeToUtf8Bytes(Document.Of(written), Options);

            // Written aside and moved into place, so a power loss leaves either no file or a whole one.
            var partial = path + ".partial";
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            File.Move(partial, path);
            return written;
        }

        public void Complete(LockJournalEntry entry)
        {
            if (entry?.Path != null)
            {
                File.Delete(entry.Path);
            }
        }

        /// <summary>Reads one journal file.</summary>
        /// <exception cref="InvalidDataException">The file is not a lock journal.</exception>
        public static LockJournalEntry Read(string path)
        {
            Document? document;
            try
            {
                document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path, Encoding.UTF8), Options);
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"'{path}' is not a lock journal: {exception.Message}", exception);
            }

            if (document?.VmId == null || document.Action == null || document.Locks == null || document.Locks.Any(l => l.Id == null || l.Scope == null || l.Name == null || l.Level == null))
            {
                throw new InvalidDataException($"'{path}' is not a lock journal: the VM, the action or a lock's id, scope, name or level is missing.");
            }

            return new LockJournalEntry
            {
                Path = path,
                RecordedAt = document.RecordedAt,
                VmId = document.VmId,
                Action = document.Action,
                Deleting = document.Deleting ?? [],
                Locks = document.Locks.Select(l => new LockEvidence
                {
                    ResourceId = l.Id!,
                    Scope = l.Scope!,
                    Name = l.Name!,
                    Level = l.Level!,
                    Notes = l.Notes,
                    Owners = l.Owners ?? [],
                }).ToList(),
            };
        }

        /// <summary>The file's shape: a version, when, the VM and action, what was about to be deleted, and the locks.</summary>
        private sealed class Document
        {
            public int Version { get; set; } = 1;
            public DateTimeOffset? RecordedAt { get; set; }
            public string? VmId { get; set; }
            public string? Action { get; set; }
            public List<string>? Deleting { get; set; }
            public List<JournalLock>? Locks { get; set; }

            public static Document Of(LockJournalEntry entry) => new()
            {
                RecordedAt = entry.RecordedAt,
                VmId = entry.VmId,
                Action = entry.Action,
                Deleting = entry.Deleting.ToList(),
                Locks = entry.Locks.Select(l => new JournalLock { Id = l.ResourceId, Scope = l.Scope, Name = l.Name, Level = l.Level, Notes = l.Notes, Owners = l.Owners.ToList() }).ToList(),
            };
        }

        private sealed class JournalLock
        {
            public string? Id { get; set; }
            public string? Scope { get; set; }
            public string? Name { get; set; }
            public string? Level { get; set; }
            public string? Notes { get; set; }
            public List<string>? Owners { get; set; }
        }
    }
}
