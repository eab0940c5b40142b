using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AzBackupTroubleshoot.Module.Tests.HostProgram;

namespace AzBackupTroubleshoot.Module.Tests.Packaging
{
    [Collection(ModuleCollection.Name)]
    public sealed partial class HelpTests
    {
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly string[] HelpCultures = ["en-US", "zh-CN", "zh-TW"];
        private readonly ModuleSession _session;

        public HelpTests(ModuleSession session)
        {
            _session = session;
        }

        public static TheoryData<string> Cmdlets()
        {
            var data = new TheoryData<string>();
            foreach (var name in ManifestData.Strings("CmdletsToExport"))
            {
                data.Add(name);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Get_Help_gives_synopsis_description_and_examples(string cmdlet)
        {
            var help = _session.Run($"Get-Help {cmdlet} -Full").Output.Single();
            dynamic h = help;

            var synopsis = ((string)h.Synopsis).Trim();
            Assert.False(string.IsNullOrWhiteSpace(synopsis));
            Assert.DoesNotContain(cmdlet + " [", synopsis); // PowerShell's stand-in when there is no help: the syntax
            Assert.NotEmpty(Paragraphs(help.Properties["description"].Value));
            var examples = _session.Run($"(Get-Help {cmdlet} -Examples).examples.example").Output;
            Assert.True(examples.Count >= 2, $"{cmdlet} has {examples.Count} examples");
            Assert.All(examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Properties["code"].Value?.ToString())));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Every_parameter_is_described_in_every_language(string cmdlet)
        {
            var parameters = _session.Run(
                $"(Get-Command {cmdlet}).Parameters.Keys | Where-Object {{ $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters }}")
                .Output.Select(o => (string)o.BaseObject).ToList();

            foreach (var culture in HelpCultures)
            {
                var command = MamlCommand(culture, cmdlet);
                var described = command.Element(Command + "parameters")!.Elements(Command + "parameter")
                    .Where(p => !string.IsNullOrWhiteSpace(p.Element(Maml + "description")?.Value))
                    .Select(p => p.Element(Maml + "name")!.Value)
                    .ToList();
                Assert.Equal(parameters.OrderBy(p => p), described.OrderBy(p => p));
                Assert.True(command.Element(Command + "examples")!.Elements().Count() >= 2, $"{culture}: fewer than two examples");
                Assert.NotEmpty(command.Element(Command + "inputTypes")!.Elements());
                Assert.NotEmpty(command.Element(Command + "returnValues")!.Elements());
            }
        }

        [Theory]
        [InlineData("zh-CN")]
        [InlineData("zh-TW")]
        public void Chinese_help_is_in_chinese(string culture)
        {
            foreach (var cmdlet in ManifestData.Strings("CmdletsToExport"))
            {
                var synopsis = MamlCommand(culture, cmdlet).Element(Command + "details")!.Element(Maml + "description")!.Value;
                Assert.True(Text.HasHan(synopsis), $"{culture} {cmdlet}: {synopsis}");
            }
        }

        [Fact]
        public void The_about_topic_exists_in_three_languages()
        {
            foreach (var culture in HelpCultures)
            {
                var path = Path.Combine(RepoPaths.ModuleDirectory, culture, "about_AzBackupTroubleshoot.help.txt");
                var text = File.ReadAllText(path);
                Assert.Contains("about_AzBackupTroubleshoot", text);
                Assert.Equal(culture != "en-US", Text.HasHan(text));
            }

            var topic = _session.Run("Get-Help about_AzBackupTroubleshoot").Output;
            Assert.Contains("Get-AzBackupFailureDiagnosis", string.Join("\n", topic.Select(o => o.ToString())));
        }

        /// <summary>
        /// Get-Help -Full of every cmdlet and every knowledge-base entry as pwsh prints them, in each language: switches
        /// show no value in the syntax, examples are numbered blocks set apart by a blank line, and every prompt before a
        /// PowerShell command, in an example or a remedy, is "PS>".
        /// </summary>
        [Theory]
        [InlineData("en_US.UTF-8")]
        [InlineData("zh_CN.UTF-8")]
        [InlineData("zh_TW.UTF-8")]
        public void Help_and_remedies_print_switches_bare_separate_examples_and_one_prompt_style(string locale)
        {
            var run = HostRun.Start(
                "(Get-Module AzBackupTroubleshoot).ExportedCmdlets.Keys | Sort-Object | ForEach-Object { Get-Help $_ -Full | Out-String -Width 2000 }; "
                + "Get-AzBackupKnownIssue | Out-String -Width 2000",
                new Dictionary<string, string> { ["LANG"] = locale, ["LC_ALL"] = locale });
            Assert.True(run.ExitCode == 0, run.StandardError);
            var text = run.StandardOutput.Replace("\r\n", "\n", StringComparison.Ordinal);

            var lines = text.Split('\n');

            // The syntax lines start with the cmdlet's name (the parameter list below may say [<SwitchParameter>], as pwsh's own help does).
            var cmdlets = ManifestData.Strings("CmdletsToExport");
            var syntax = lines.Where(l => cmdlets.Any(c => l.TrimStart().StartsWith(c + " ", StringComparison.Ordinal))).ToList();
            Assert.NotEmpty(syntax);
            Assert.All(syntax, l => Assert.DoesNotContain("<SwitchParameter>", l, StringComparison.Ordinal));
            Assert.Contains(syntax, l => l.Contains(" [-Summary] ", StringComparison.Ordinal));

            var prompts = Prompt().Matches(text).Select(m => m.Groups["prompt"].Value).ToList();
            Assert.NotEmpty(prompts);
            Assert.All(prompts, p => Assert.Equal("PS", p));

            var titles = Enumerable.Range(0, lines.Length).Where(i => ExampleTitle().IsMatch(lines[i])).ToList();
            Assert.True(titles.Count >= 2 * ManifestData.Strings("CmdletsToExport").Length, $"{titles.Count} example titles");
            var previous = 0;
            foreach (var i in titles)
            {
                var number = int.Parse(ExampleTitle().Match(lines[i]).Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(number == 1 || number == previous + 1, $"example {number} after {previous}: {lines[i]}");
                Assert.True(string.IsNullOrWhiteSpace(lines[i - 1]), $"no blank line before: {lines[i]}");
                Assert.StartsWith("PS> ", lines[i + 2].Trim(), StringComparison.Ordinal);
                previous = number;
            }
        }

        [GeneratedRegex(@"(?im)^\s*(?<prompt>ps(\s+[a-z]:\\[^>]*)?|powershell|pwsh)>")]
        private static partial Regex Prompt();

        [GeneratedRegex(@"^\s*-{10,} (Example|示例|範例) (?<number>\d+): .+ -{10,}\s*$")]
        private static partial Regex ExampleTitle();

        private static XElement MamlCommand(string culture, string cmdlet)
        {
            var document = XDocument.Load(Path.Combine(RepoPaths.ModuleDirectory, culture, "AzBackupTroubleshoot.dll-Help.xml"));
            return document.Descendants(Command + "command").Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == cmdlet);
        }

        private static IEnumerable<string> Paragraphs(object? description) =>
            LanguagePrimitives.GetEnumerable(description)?.Cast<object>().Select(p => PSObject.AsPSObject(p).Properties["Text"]?.Value as string)
                .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!) ?? [];
    }
}
