using System.Collections.Generic;

namespace AzBackupTroubleshoot.HelpBuilder
{
    /// <summary>The written part of one cmdlet's help, as read from its Markdown; the syntax is not written, it comes from <see cref="CmdletShape"/>.</summary>
    internal sealed record CommandHelp(
        string Name,
        IReadOnlyList<string> Synopsis,
        IReadOnlyList<string> Description,
        IReadOnlyList<HelpExample> Examples,
        IReadOnlyList<ParameterHelp> Parameters,
        IReadOnlyList<TypeHelp> Inputs,
        IReadOnlyList<TypeHelp> Outputs,
        IReadOnlyList<string> Notes,
        IReadOnlyList<string> Links);

    /// <summary>An example: its title without number dashes, its code with PS> prompts, and the paragraphs that explain it.</summary>
    internal sealed record HelpExample(string Title, string Code, IReadOnlyList<string> Remarks);

    /// <summary>A parameter's text; empty when the cmdlet takes the language's shared text (_common-parameters.md).</summary>
    internal sealed record ParameterHelp(string Name, IReadOnlyList<string> Text, string? DefaultValue);

    /// <summary>An input or output type and what it carries.</summary>
    internal sealed record TypeHelp(string Type, IReadOnlyList<string> Text);
}
