namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>What the evidence says of a documented cause. Ordered as causes are ranked.</summary>
    public enum CauseStatus
    {
        Confirmed,
        Unknown,
        Excluded,
    }
}
