using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Reporting;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Reporting.ReportResults;

namespace AzBackupTroubleshoot.Core.Tests.Reporting
{
    public class HtmlReportWriterTests
    {
        private static string Report(IEnumerable<ReadinessResult> results) => Write(new HtmlReportWriter(), results);

        private static int Count(string text, string pattern) => Regex.Matches(text, pattern).Count;

        /// <summary>vm-app and vm-db copied into <paramref name="count"/> VMs in groups of 100, every third one troubled.</summary>
        private static List<ReadinessResult> Fleet(int count)
        {
            var two = TwoVms();
            var troubled = two.Where(r => r.VmName == "vm-app").ToList();
            var ready = two.Where(r => r.VmName == "vm-db").ToList();
            return Enumerable.Range(0, count).SelectMany(i =>
            {
                var name = $"vm-{i:D5}";
                var group = $"rg-{i / 100:D3}";
                var id = $"/subscriptions/s/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/{name}";
                return (i % 3 == 0 ? troubled : ready).Select(r => r with { VmName = name, VmId = id, ResourceGroupName = group });
            }).ToList();
        }

        [Fact]
        public void The_page_counts_verdicts_and_has_a_cell_per_VM_and_rule()
        {
            var results = TwoVms();
            var html = Report(results);
            var rules = results.Select(r => r.RuleId).Distinct().Count();

            Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en-US\">", html, StringComparison.Ordinal);
            Assert.Equal(1, Count(html, "<h1>"));
            Assert.Contains("<td data-verdict=\"NotReady\">1</td>", html, StringComparison.Ordinal);
            Assert.Contains("<td data-verdict=\"Ready\">1</td>", html, StringComparison.Ordinal);
            Assert.Contains("<td data-verdict=\"Unknown\">0</td>", html, StringComparison.Ordinal);
            var matrix = html.Substring(html.IndexOf("<table id=\"rule-matrix\">", StringComparison.Ordinal));
            matrix = matrix.Substring(0, matrix.IndexOf("</table>", StringComparison.Ordinal));
            Assert.Equal(2 * rules, Count(matrix, "<td class=\"c [pwfnu]\">[✓!✗–?]</td>"));
            Assert.Equal(rules, Count(matrix, "<th scope=\"col\" class=\"r\""));
            Assert.Equal(2, Count(matrix, "scope=\"rowgroup\""));
            // The troubled VM's failure is in the matrix, in the most frequent failures with its remedy, and in its section.
            Assert.Contains("<tr><th scope=\"row\">Extension.BackupHealthy</th>", html, StringComparison.Ordinal);
            Assert.Contains("Uninstall the backup extension; the next backup reinstalls it.", html, StringComparison.Ordinal);
            Assert.Contains("VMSnapshot extension &#39;VMSnapshot&#39; is in provisioning state Deleting.", html, StringComparison.Ordinal);
            Assert.Contains("role=\"img\" aria-labelledby=\"verdict-chart\"", html, StringComparison.Ordinal);
            // The worst resource group comes first.
            Assert.True(matrix.IndexOf("rg-app", StringComparison.Ordinal) < matrix.IndexOf("rg-data", StringComparison.Ordinal));
        }

        [Fact]
        public void Headings_go_in_order_and_every_table_has_a_caption_and_scoped_headers()
        {
            var html = Report(TwoVms());

            var levels = Regex.Matches(html, "<h([1-6])[ >]").Cast<Match>().Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(1, levels[0]);
            Assert.All(levels.Zip(levels.Skip(1), (a, b) => b - a), step => Assert.True(step <= 1));
            Assert.Equal(Count(html, "<table"), Count(html, "<caption>"));
            Assert.Equal(0, Count(html, "<th(?![a-z])(?! scope=)"));
            Assert.Equal(Count(html, "<svg"), Count(html, "<svg role=\"img\" aria-labelledby=\""));
        }

        [Fact]
        public void Names_are_encoded_and_never_read_as_markup()
        {
            var results = TwoVms().Select(r => r.VmName == "vm-db" ? r with { VmName = "vm-<script>alert(1)</script>&co", ResourceGroupName = "rg-\"a&b\"" } : r);

            var html = Report(results);

            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("vm-&lt;script&gt;alert(1)&lt;/script&gt;&amp;co", html, StringComparison.Ordinal);
            Assert.Contains("rg-&quot;a&amp;b&quot;", html, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(SupportedCulture.SimplifiedChinese, "zh-CN", "Azure 虚拟机备份就绪检查", "按结论统计的虚拟机", "未就绪")]
        [InlineData(SupportedCulture.TraditionalChinese, "zh-TW", "Azure 虛擬機器備份就緒檢查", "依結論統計的虛擬機器", "未就緒")]
        public void Fixed_words_and_the_lang_attribute_follow_the_culture(SupportedCulture culture, string lang, string heading, string verdicts, string notReady)
        {
            var html = Report(TwoVms(culture));

            Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
            Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
            Assert.Contains(verdicts, html, StringComparison.Ordinal);
            Assert.Contains("✗ " + notReady, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Every rule on every VM", html, StringComparison.Ordinal);
        }

        [Fact]
        public void Nothing_is_fetched_from_anywhere_and_there_is_no_script()
        {
            var html = Report(TwoVms());

            Assert.DoesNotMatch(new Regex("(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex("@import|url\\(|<script|<link|<img|<iframe|<object", RegexOptions.IgnoreCase), html);
            Assert.All(Regex.Matches(html, "href=\"([^\"]*)\"").Cast<Match>(), m => Assert.StartsWith("#", m.Groups[1].Value, StringComparison.Ordinal));
        }

        [Fact]
        public void No_results_give_a_page_that_says_so()
        {
            var html = Report([]);

            Assert.Contains("<p>No results.</p>", html, StringComparison.Ordinal);
            Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        }

        [Fact]
        public void Five_thousand_VMs_render_every_row_under_ten_megabytes()
        {
            var html = Report(Fleet(5000));

            Assert.Equal(5000, Count(html, "<tr><th scope=\"row\" class=\"[pwfu]\"><a href=\"#vm-"));
            Assert.Equal(50, Count(html, "scope=\"rowgroup\""));
            Assert.True(Encoding.UTF8.GetByteCount(html) < 10 * 1024 * 1024, $"{Encoding.UTF8.GetByteCount(html)} bytes");
        }
    }
}
