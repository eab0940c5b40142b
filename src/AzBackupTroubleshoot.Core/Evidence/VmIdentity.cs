namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>Which VM the evidence is about.</summary>
    public sealed record VmIdentity(string ResourceId, string SubscriptionId, string ResourceGroupName, string Name)
    {
        public override string ToString() => ResourceId;
    }
}
