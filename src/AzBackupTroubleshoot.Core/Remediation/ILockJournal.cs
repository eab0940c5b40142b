namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>Where lifted locks are written down before they are lifted, so a run that dies leaves a record.</summary>
    public interface ILockJournal
    {
        /// <summary>Writes the entry durably; returns it with its <see cref="LockJournalEntry.Path"/> and time.</summary>
        LockJournalEntry Write(LockJournalEntry entry);

        /// <summary>Every lock of the entry is back: the record is no longer needed.</summary>
        void Complete(LockJournalEntry entry);
    }
}
