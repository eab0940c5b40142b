using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Rules;
using AzBackupTroubleshoot.Rules.Checks;

namespace AzBackupTroubleshoot.Core.Tests.Rules
{
    public class RuleCatalogTests
    {
        private const string TableBegin = "<!-- rule-table:begin";
        private const string TableEnd = "<!-- rule-table:end -->";

        /// <summary>
        /// docs/knowledge-base.md's rule table is generated from the catalog. To regenerate it after changing a rule:
        /// AZBT_UPDATE_DOCS=1 dotnet test tests/AzBackupTroubleshoot.Core.Tests --filter "FullyQualifiedName~RuleCatalogTests".
        /// </summary>
        [Fact]
        public void The_knowledge_base_format_lists_the_catalog_rules_as_generated()
        {
            var path = FindRepositoryFile("docs/knowledge-base.md");
            var text = File.ReadAllText(path);
            var begin = text.IndexOf(TableBegin, StringComparison.Ordinal);
            var end = text.IndexOf(TableEnd, StringComparison.Ordinal);
            Assert.True(begin >= 0 && end > begin, "docs/knowledge-base.md has no rule-table markers.");
            var body = text.Substring(begin, end - begin);
            body = body.Substring(body.IndexOf('\n', StringComparison.Ordinal) + 1);

            var expected = RuleTable(RuleCatalog.Default);
            if (Environment.GetEnvironmentVariable("AZBT_UPDATE_DOCS") == "1" && body != expected)
            {
                File.WriteAllText(path, text.Substring(0, end - body.Length) + expected + text.Substring(end));
                return;
            }

            Assert.True(
                body == expected,
                "docs/knowledge-base.md's rule table differs from the rule catalog; regenerate it with AZBT_UPDATE_DOCS=1 (see docs/adding-a-rule.md).\n" + expected);
        }

        [Fact]
        public void Every_rule_class_is_in_the_catalog()
        {
            var ruleClasses = typeof(RuleCatalog).Assembly.GetTypes()
                .Where(t => typeof(IReadinessRule).IsAssignableFrom(t) && t.IsClass && !t.IsAbstract)
                .Select(t => t.FullName)
                .OrderBy(n => n, StringComparer.Ordinal);

            Assert.Equal(ruleClasses, RuleCatalog.Default.Rules.Select(r => r.GetType().FullName).Distinct().OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void Every_rule_id_is_a_constant_of_its_class()
        {
            foreach (var rule in RuleCatalog.Default.Rules)
            {
                var constants = rule.GetType().GetFields(BindingFlags.Public | BindingFlags.Static)
                    .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                    .Select(f => (string?)f.GetRawConstantValue());

                Assert.Contains(rule.Id, constants);
                Assert.Matches(new Regex(@"^[A-Z][A-Za-z]*\.[A-Z][A-Za-z]*$"), rule.Id);
            }
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

        private static string RuleTable(RuleCatalog catalog)
        {
            var table = new StringBuilder();
            table.Append("| rule id | what it checks | severity | reads | guards |\n");
            table.Append("|---|---|---|---|---|\n");
            foreach (var rule in catalog.Rules)
            {
                var reads = string.Join(", ", rule.Reads.Select(MissingEvidenceText.Describe));
                var guards = rule.Guards.Count == 0 ? "—" : string.Join(", ", rule.Guards);
                table.Append($"| `{rule.Id}` | {rule.Title.English} | {rule.Severity} | {reads} | {guards} |\n");
            }

            return table.ToString();
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
