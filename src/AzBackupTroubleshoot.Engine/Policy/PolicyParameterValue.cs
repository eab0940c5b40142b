using System.Text.Json;

namespace AzBackupTroubleshoot.Engine.Policy
{
    /// <summary>A parameter value given by an assignment or by an initiative to its member.</summary>
    public sealed class PolicyParameterValue
    {
        public JsonElement Value { get; set; }
    }
}
