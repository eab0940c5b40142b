using System.Collections.Generic;

namespace AzBackupTroubleshoot.Engine.Policy
{
    /// <summary>properties of an initiative (policy set definition).</summary>
    public sealed class PolicySetDefinitionProperties
    {
        public string? DisplayName { get; set; }

        public Dictionary<string, PolicyParameterDefinition>? Parameters { get; set; }

        public List<PolicySetMember>? PolicyDefinitions { get; set; }
    }
}
