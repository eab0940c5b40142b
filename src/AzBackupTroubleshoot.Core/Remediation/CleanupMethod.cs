namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>How a full restore point collection is cleaned up (procedure C7).</summary>
    public enum CleanupMethod
    {
        /// <summary>Delete the collection; the next backup creates a new one.</summary>
        DeleteCollection,
        /// <summary>Trigger an on-demand backup; the service cleans the collection up itself within hours.</summary>
        OnDemandBackup,
    }
}
