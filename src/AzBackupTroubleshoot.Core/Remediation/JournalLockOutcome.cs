namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>What restoring one lock from the journal did.</summary>
    public enum JournalLockOutcome
    {
        /// <summary>It was missing and was put back exactly as recorded.</summary>
        Restored,
        /// <summary>It is there exactly as recorded; nothing was sent.</summary>
        AlreadyInPlace,
        /// <summary>It is there but differs from the record (someone set it since); it was left alone.</summary>
        ChangedSince,
        /// <summary>It is missing and was not put back (-WhatIf, or declined).</summary>
        NotRestored,
        /// <summary>Reading it or putting it back failed.</summary>
        Failed,
    }
}
