namespace AzBackupTroubleshoot.Rules
{
    /// <summary>How much a failure of the rule matters for backup.</summary>
    public enum RuleSeverity
    {
        /// <summary>Backup fails while this rule fails.</summary>
        Error,
        /// <summary>Backup may fail or degrade.</summary>
        Warning,
        /// <summary>A hint: something to know, not a defect.</summary>
        Information,
    }
}
