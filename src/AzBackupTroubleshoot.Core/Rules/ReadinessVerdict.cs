namespace AzBackupTroubleshoot.Rules
{
    /// <summary>Whether a VM is ready for backup, from all its rule results.</summary>
    public enum ReadinessVerdict
    {
        /// <summary>Every rule passed or did not apply.</summary>
        Ready,
        /// <summary>Nothing fails, but at least one rule warns.</summary>
        ReadyWithWarnings,
        /// <summary>At least one rule fails.</summary>
        NotReady,
        /// <summary>Nothing fails, but at least one rule could not be judged.</summary>
        Unknown,
    }
}
