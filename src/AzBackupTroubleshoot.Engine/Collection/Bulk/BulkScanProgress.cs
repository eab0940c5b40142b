namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>Where a bulk scan stands: VMs listed so far, VMs done (evidence or problem), problems, requests sent.</summary>
    public sealed record BulkScanProgress(int VmsFound, int VmsDone, int Problems, int RequestsSent);
}
