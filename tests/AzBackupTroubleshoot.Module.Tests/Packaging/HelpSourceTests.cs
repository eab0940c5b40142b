using System.IO;
using System.Linq;
using AzBackupTroubleshoot.HelpBuilder;

namespace AzBackupTroubleshoot.Module.Tests.Packaging
{
    /// <summary>docs/help, the one source of the cmdlets' help: every parameter has text in every language.</summary>
    [Collection(ModuleCollection.Name)]
    public sealed class HelpSourceTests
    {
        private readonly ModuleSession _session;

        public HelpSourceTests(ModuleSession session)
        {
            _session = session;
        }

        public static TheoryData<string> Cmdlets() => HelpTests.Cmdlets();

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Every_parameter_has_text_in_every_language_Markdown(string cmdlet)
        {
            var parameters = _session.Run(
                $"(Get-Command {cmdlet}).Parameters.Keys | Where-Object {{ $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters }}")
                .Output.Select(o => (string)o.BaseObject).ToList();
            var cultures = Directory.GetDirectories(Path.Combine(RepoPaths.Root, "docs", "help"));
            Assert.Equal(["en-US", "zh-CN", "zh-TW"], cultures.Select(Path.GetFileName).Order());

            var missing = cultures.SelectMany(culture =>
            {
                var own = HelpMarkdown.ReadCommand(File.ReadAllText(Path.Combine(culture, cmdlet + ".md"))).Parameters;
                var shared = HelpMarkdown.ReadParameters(File.ReadAllText(Path.Combine(culture, Program.SharedParametersFile)));
                return parameters
                    .Where(p => !own.Concat(shared).Any(h => h.Name == p && h.Text.Count > 0))
                    .Select(p => $"{Path.GetFileName(culture)}/{cmdlet}.md -{p}");
            }).ToList();

            Assert.Empty(missing);
        }
    }
}
