namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>Where a restore point collection stands when a cleanup stopped before its delete ended.</summary>
    public enum CollectionState
    {
        /// <summary>Deleted: ARM no longer has it.</summary>
        Gone,
        /// <summary>ARM is still deleting it (provisioningState Deleting); it goes on without us.</summary>
        Deleting,
        /// <summary>Still there and not being deleted.</summary>
        Present,
        /// <summary>It could not be read.</summary>
        Unknown,
    }
}
