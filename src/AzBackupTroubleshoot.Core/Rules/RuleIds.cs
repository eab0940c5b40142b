namespace AzBackupTroubleshoot.Rules
{
    /// <summary>Ids of rules that code outside the rules decides on (which evidence is worth reading for them).</summary>
    public static class RuleIds
    {
        /// <summary>The restore point collection limit: the only rule that needs restore points counted.</summary>
        public const string RestorePointLimit = "RestorePoint.Limit";
    }
}
