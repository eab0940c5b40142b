namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>The state a restore point collection was read in after a cleanup was stopped at its deadline.</summary>
    public sealed record CollectionStatus(string CollectionId, CollectionState State, string? Detail)
    {
        public override string ToString() => State switch
        {
            CollectionState.Gone => $"{CollectionId} is deleted",
            CollectionState.Deleting => $"{CollectionId} is still being deleted by Azure (provisioningState Deleting)",
            CollectionState.Present => $"{CollectionId} is still there ({Detail ?? "not deleted"})",
            _ => $"{CollectionId} could not be read ({Detail})",
        };
    }
}
