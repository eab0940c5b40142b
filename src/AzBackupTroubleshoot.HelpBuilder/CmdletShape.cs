using System.Collections.Generic;

namespace AzBackupTroubleshoot.HelpBuilder
{
    /// <summary>What the cmdlet's code says about its parameters, read by reflection: the source of every syntax line.</summary>
    internal sealed record CmdletShape(string Name, string? DefaultParameterSet, IReadOnlyList<ParameterShape> Parameters);

    /// <summary>One parameter: its type (full name), aliases, whether it takes wildcards, and the parameter sets it belongs to.</summary>
    internal sealed record ParameterShape(string Name, string TypeName, IReadOnlyList<string> Aliases, bool Globbing, IReadOnlyList<SetMembership> Sets)
    {
        public const string AllSets = "__AllParameterSets";

        public bool IsSwitch => TypeName == "System.Management.Automation.SwitchParameter";
    }

    /// <summary>How a parameter takes part in one parameter set.</summary>
    internal sealed record SetMembership(string SetName, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);
}
