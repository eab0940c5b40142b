using System.Text.Json;

namespace AzBackupTroubleshoot.Engine.Policy
{
    /// <summary>A parameter declared by a policy or initiative definition; only its default matters here.</summary>
    public sealed class PolicyParameterDefinition
    {
        public JsonElement DefaultValue { get; set; }
    }
}
