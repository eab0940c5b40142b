namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>Which per-VM reads a bulk scan makes beside its subscription-wide and per-vault lists.</summary>
    public enum PerVmReads
    {
        /// <summary>
        /// Only where no list carries the answer and the answer can matter: the model with instance view of a VM that
        /// is not stopped or deallocated (no list carries vmAgent or extension statuses), the restore point count of
        /// each collection (of fewer with <see cref="BulkCollectionOptions.LeanRestorePointCount"/>), Key Vaults and disks an encrypted VM names. A stopped or
        /// deallocated VM is judged from the model list, its extensions left as a gap; protection comes from the
        /// vaults' protected-item lists, without the backup status API.
        /// </summary>
        OnlyWhereNeeded,

        /// <summary>
        /// Every per-VM read the single-VM collector makes that a list cannot replace (model with instance view, backup
        /// status, every restore point count): the same evidence as <see cref="VmEvidenceCollector"/>, at about two
        /// requests per VM.
        /// </summary>
        All,
    }
}
