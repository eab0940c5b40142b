namespace AzBackupTroubleshoot.Rules
{
    /// <summary>A rule's verdict for one VM.</summary>
    public enum RuleResult
    {
        Pass,
        Warning,
        Fail,
        /// <summary>The rule does not concern this VM (e.g. a Linux agent rule on Windows).</summary>
        NotApplicable,
        /// <summary>The evidence the rule needs could not be read.</summary>
        Unknown,
    }
}
