namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>storageProfile.imageReference of a VM made from a marketplace image.</summary>
    public sealed record VmImageEvidence(string? Publisher, string? Offer, string? Sku)
    {
        public override string ToString() => $"{Publisher}:{Offer}:{Sku}";
    }
}
