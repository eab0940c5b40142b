namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>A restore point collection whose source is the VM.</summary>
    public sealed record RestorePointCollectionEvidence(
        string ResourceId,
        string Name,
        string ResourceGroupName,
        string? SourceVmId,
        int? RestorePointCount);
}
