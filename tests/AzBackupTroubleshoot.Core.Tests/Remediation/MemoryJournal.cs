using System.Collections.Generic;
using AzBackupTroubleshoot.Remediation;

namespace AzBackupTroubleshoot.Core.Tests.Remediation
{
    /// <summary>A journal in memory that also writes its steps into the target's call list, to check the order.</summary>
    internal sealed class MemoryJournal(List<string> calls) : ILockJournal
    {
        public List<LockJournalEntry> Pending { get; } = [];

        public LockJournalEntry Write(LockJournalEntry entry)
        {
            calls.Add("journal " + entry.Locks.Count);
            var written = entry with { Path = "journal-" + Pending.Count };
            Pending.Add(written);
            return written;
        }

        public void Complete(LockJournalEntry entry)
        {
            calls.Add("journal done");
            Pending.RemoveAll(e => e.Path == entry.Path);
        }
    }
}
