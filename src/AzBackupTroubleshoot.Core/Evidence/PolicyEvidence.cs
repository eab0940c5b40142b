namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>A policy assignment with a deny effect that applies at the VM's scope.</summary>
    public sealed record PolicyEvidence
    {
        public required string AssignmentId { get; init; }

        public string? DisplayName { get; init; }

        public required string Scope { get; init; }

        public string? PolicyDefinitionId { get; init; }

        public required string Effect { get; init; }

        /// <summary>Whether the rule targets resource groups or tags, which is what blocks the backup resource group (A18).</summary>
        public bool TargetsResourceGroupsOrTags { get; init; }
    }
}
