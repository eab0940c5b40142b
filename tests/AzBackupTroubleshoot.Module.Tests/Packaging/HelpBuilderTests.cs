using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using AzBackupTroubleshoot.HelpBuilder;

namespace AzBackupTroubleshoot.Module.Tests.Packaging
{
    /// <summary>The help builder on a small cmdlet: Markdown and parameter attributes in, MAML out.</summary>
    public sealed class HelpBuilderTests
    {
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        private const string Markdown = """
            # Get-Widget

            ## SYNOPSIS

            Gets widgets.

            ## DESCRIPTION

            First paragraph
            continued.

            Second paragraph.

            ## EXAMPLES

            ### Example 1: By name

            ```powershell
            PS> Get-Widget -Name w1
                -Summary
            ```

            Gets w1.

            ## PARAMETERS

            ### -Name

            The widget's name.

            ### -Summary

            One line per widget.

            ### -Culture

            Default value: $PSUICulture

            ## INPUTS

            ### System.String

            Names.

            ## OUTPUTS

            ### Widget

            A widget.
            """;

        private const string Shared = """
            # Shared

            ## PARAMETERS

            ### -Culture

            The language of the text.
            """;

        private static readonly CmdletShape Widget = new(
            "Get-Widget",
            "ByName",
            [
                new ParameterShape("Name", "System.String", ["WidgetName"], true, [new SetMembership("ByName", true, 0, true, false)]),
                new ParameterShape("Id", "System.Int32", [], false, [new SetMembership("ById", true, null, false, true)]),
                new ParameterShape("Summary", "System.Management.Automation.SwitchParameter", [], false, [new SetMembership(ParameterShape.AllSets, false, null, false, false)]),
                new ParameterShape("Culture", "System.Globalization.CultureInfo", [], false, [new SetMembership(ParameterShape.AllSets, false, null, false, false)]),
            ]);

        [Fact]
        public void Markdown_and_parameter_attributes_make_the_MAML_with_shared_text_and_bare_switches()
        {
            var idHelp = new ParameterHelp("Id", ["The widget's number."], null);
            var help = HelpMarkdown.ReadCommand(Markdown);
            help = help with { Parameters = [.. help.Parameters, idHelp] };

            var command = MamlWriter.Write([Widget], new Dictionary<string, CommandHelp> { ["Get-Widget"] = help }, HelpMarkdown.ReadParameters(Shared))
                .Descendants(Command + "command").Single();

            Assert.Equal("Get-Widget", command.Element(Command + "details")!.Element(Command + "name")!.Value);
            Assert.Equal(["First paragraph continued.", "Second paragraph."], command.Element(Maml + "description")!.Elements(Maml + "para").Select(p => p.Value));

            // One syntax line per parameter set, the default set first, positional parameters first and then the
            // Markdown's order; the switch has no value placeholder.
            var items = command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
            Assert.Equal([["Name", "Summary", "Culture"], ["Summary", "Culture", "Id"]], items.Select(i => i.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToArray()));
            var name = items[0].Elements(Command + "parameter").First();
            Assert.Equal(("true", "0", "True (ByValue)", "WidgetName", "true"), ((string)name.Attribute("required")!, (string)name.Attribute("position")!, (string)name.Attribute("pipelineInput")!, (string)name.Attribute("aliases")!, (string)name.Attribute("globbing")!));
            var summary = items[0].Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Summary");
            Assert.Null(summary.Element(Command + "parameterValue"));
            Assert.Equal("String", name.Element(Command + "parameterValue")!.Value);

            // Every parameter described: its own text, or the shared text with the cmdlet's default value.
            var parameters = command.Element(Command + "parameters")!.Elements(Command + "parameter")
                .ToDictionary(p => p.Element(Maml + "name")!.Value);
            Assert.Equal(["Name", "Summary", "Culture", "Id"], parameters.Keys);
            Assert.Equal("The language of the text.", parameters["Culture"].Element(Maml + "description")!.Value);
            Assert.Equal("$PSUICulture", parameters["Culture"].Element(Dev + "defaultValue")!.Value);
            Assert.Equal("True (ByPropertyName)", (string)parameters["Id"].Attribute("pipelineInput")!);
            Assert.Equal("false", parameters["Summary"].Element(Command + "parameterValue")!.Attribute("required")!.Value);

            var example = command.Element(Command + "examples")!.Elements().Single();
            Assert.Equal("-------------------------- Example 1: By name --------------------------", example.Element(Maml + "title")!.Value);
            Assert.Equal("PS> Get-Widget -Name w1\n    -Summary", example.Element(Dev + "code")!.Value);
            Assert.Equal(["Gets w1.", string.Empty], example.Element(Dev + "remarks")!.Elements().Select(p => p.Value));
            Assert.Equal("System.String", command.Element(Command + "inputTypes")!.Descendants(Maml + "name").Single().Value);
        }

        [Fact]
        public void A_parameter_without_text_stops_the_build_naming_it()
        {
            var help = HelpMarkdown.ReadCommand(Markdown);

            var error = Assert.Throws<InvalidOperationException>(() =>
                MamlWriter.Write([Widget], new Dictionary<string, CommandHelp> { ["Get-Widget"] = help }, HelpMarkdown.ReadParameters(Shared)));

            Assert.Contains("Get-Widget -Id", error.Message, StringComparison.Ordinal);
        }
    }
}
