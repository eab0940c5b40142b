using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Xml.Linq;

namespace AzBackupTroubleshoot.Module.Tests.Packaging
{
    /// <summary>This machine has no pwsh: the PowerShell parser is what keeps syntax errors out of the scripts.</summary>
    public sealed class ScriptParserTests
    {
        private static readonly string[] Skipped = ["bin", "obj", "out", ".git", "TestResults"];

        public static TheoryData<string> Scripts() => new(ScriptPaths());

        [Fact]
        public void The_repository_has_the_scripts_it_should()
        {
            var scripts = ScriptPaths().ToList();

            Assert.Contains("build.ps1", scripts);
            Assert.Contains(Path.Combine("module", "AzBackupTroubleshoot.psd1"), scripts);
            Assert.Contains(scripts, s => s.StartsWith(Path.Combine("tests", "pester"), StringComparison.Ordinal) && s.EndsWith(".Tests.ps1", StringComparison.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Scripts))]
        public void Script_parses_without_errors(string relativePath)
        {
            Parser.ParseFile(Path.Combine(RepoPaths.Root, relativePath), out _, out var errors);

            Assert.Empty(errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}"));
        }

        [Fact]
        public void Every_script_block_of_the_format_views_parses()
        {
            var formats = XDocument.Load(Path.Combine(RepoPaths.Root, "module", "AzBackupTroubleshoot.format.ps1xml"));
            var blocks = formats.Descendants("ScriptBlock").ToList();

            Assert.NotEmpty(blocks);
            Assert.All(blocks, block =>
            {
                Parser.ParseInput(block.Value, out _, out var errors);
                Assert.Empty(errors.Select(e => e.Message + ": " + block.Value.Trim()));
            });
        }

        private static IEnumerable<string> ScriptPaths() =>
            new[] { "*.ps1", "*.psm1", "*.psd1" }.SelectMany(RepositoryFiles).Select(f => Path.GetRelativePath(RepoPaths.Root, f));

        private static IEnumerable<string> RepositoryFiles(string pattern) =>
            Directory.EnumerateFiles(RepoPaths.Root, pattern, SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(RepoPaths.Root, f).Split(Path.DirectorySeparatorChar).Any(part => Skipped.Contains(part)))
                .OrderBy(f => f, StringComparer.Ordinal);
    }
}
