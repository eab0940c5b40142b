using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Core.Tests.Rules
{
    public class RuleCatalogTests
    {
        [Fact]
        public void The_catalog_holds_exactly_the_rules_the_knowledge_base_format_lists_in_its_order()
        {
            var documented = File.ReadAllLines(FindRepositoryFile("docs/knowledge-base.md"))
                .SkipWhile(line => !line.StartsWith("## Readiness rule ids", StringComparison.Ordinal))
                .Select(line => Regex.Match(line, @"^\| `([A-Za-z]+\.[A-Za-z]+)` \|"))
                .Where(m => m.Success)
                .Select(m => m.Groups[1].Value)
                .ToList();

            Assert.Equal(20, documented.Count);
            Assert.Equal(documented, RuleCatalog.Default.Rules.Select(r => r.Id));
        }

        [Fact]
        public void Rules_are_found_by_id_regardless_of_case()
        {
            Assert.Equal("Agent.Ready", RuleCatalog.Default.Get("agent.ready")?.Id);
            Assert.Null(RuleCatalog.Default.Get("Agent.Missing"));
        }

        [Fact]
        public void A_catalog_refuses_two_rules_with_one_id()
        {
            var rule = RuleCatalog.Default.Get("VM.Exists")!;

            var ex = Assert.Throws<ArgumentException>(() => new RuleCatalog([rule, rule]));
            Assert.Contains("VM.Exists", ex.Message);
        }

        private static string FindRepositoryFile(string relativePath)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException($"{relativePath} was not found above {AppContext.BaseDirectory}.");
        }
    }
}
