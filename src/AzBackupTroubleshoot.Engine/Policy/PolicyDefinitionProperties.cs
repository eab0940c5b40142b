using System.Collections.Generic;
using System.Text.Json;

namespace AzBackupTroubleshoot.Engine.Policy
{
    /// <summary>properties of a policy definition: its rule and parameters.</summary>
    public sealed class PolicyDefinitionProperties
    {
        public string? DisplayName { get; set; }

        public JsonElement PolicyRule { get; set; }

        public Dictionary<string, PolicyParameterDefinition>? Parameters { get; set; }
    }
}
