using System.Collections.Generic;

namespace AzBackupTroubleshoot.Engine.Policy
{
    /// <summary>One policyDefinitions[] entry of an initiative: the member definition and the values passed to it.</summary>
    public sealed class PolicySetMember
    {
        public string? PolicyDefinitionId { get; set; }

        public Dictionary<string, PolicyParameterValue>? Parameters { get; set; }
    }
}
