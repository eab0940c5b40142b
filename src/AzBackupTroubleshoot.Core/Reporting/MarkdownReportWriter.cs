using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Reporting
{
    /// <summary>
    /// GitHub-flavoured Markdown (for $GITHUB_STEP_SUMMARY or a pull-request comment): a summary table of the VMs,
    /// then a section per VM with its failures, warnings and unchecked rules, each with its evidence and remedy.
    /// Fixed words follow the results' culture.
    /// </summary>
    public sealed class MarkdownReportWriter : IReadinessReportWriter
    {
        public void Write(IEnumerable<ReadinessResult> results, TextWriter writer)
        {
            var groups = VmResultGroup.ByVm(results);
            var culture = groups.Count == 0 ? SupportedCulture.English : groups[0].Results[0].Culture;
            string L(LocalizedText label) => label.Get(culture);

            writer.WriteLine($"## {L(MarkdownLabels.Heading)}");
            writer.WriteLine();
            if (groups.Count == 0)
            {
                writer.WriteLine(L(MarkdownLabels.NoResults));
                return;
            }

            writer.WriteLine(Row(
                L(MarkdownLabels.Vm), L(MarkdownLabels.ResourceGroup), L(MarkdownLabels.Verdict), L(MarkdownLabels.Passed),
                L(MarkdownLabels.Warnings), L(MarkdownLabels.Failed), L(MarkdownLabels.Unknown), L(MarkdownLabels.NotApplicable)));
            writer.WriteLine("|---|---|---|---:|---:|---:|---:|---:|");
            foreach (var s in groups.Select(g => g.Summary))
            {
                writer.WriteLine(Row(
                    Escape(s.VmName), Escape(s.ResourceGroupName), MarkdownLabels.Of(s.Verdict, culture), Number(s.Passed),
                    Number(s.Warnings), Number(s.Failed), Number(s.Unknown), Number(s.NotApplicable)));
            }

            foreach (var group in groups)
            {
                var s = group.Summary;
                writer.WriteLine();
                writer.WriteLine($"### {Escape(s.VmName)} ({Escape(s.ResourceGroupName)}): {MarkdownLabels.Of(s.Verdict, culture)}");
                var sections = new[]
                {
                    (Label: MarkdownLabels.Failures, Result: RuleResult.Fail),
                    (Label: MarkdownLabels.Warnings, Result: RuleResult.Warning),
                    (Label: MarkdownLabels.Unchecked, Result: RuleResult.Unknown),
                };
                var any = false;
                foreach (var (label, result) in sections)
                {
                    var listed = group.Results.Where(r => r.Result == result).ToList();
                    if (listed.Count == 0)
                    {
                        continue;
                    }

                    any = true;
                    writer.WriteLine();
                    writer.WriteLine($"**{L(label)}**");
                    writer.WriteLine();
                    foreach (var r in listed)
                    {
                        WriteItem(writer, r, L);
                    }
                }

                if (!any)
                {
                    writer.WriteLine();
                    writer.WriteLine(L(MarkdownLabels.AllPassed));
                }
            }
        }

        private static void WriteItem(TextWriter writer, ReadinessResult r, Func<LocalizedText, string> l)
        {
            writer.WriteLine($"- **{Escape(r.RuleId)}** {Escape(r.Title)}: {Escape(r.Evidence)}");
            if (r.Remedy != null)
            {
                writer.WriteLine($"  - {l(MarkdownLabels.Remedy)}: {Escape(r.Remedy)}");
            }

            if (r.RemedyCommand != null)
            {
                writer.WriteLine($"  - {l(MarkdownLabels.Command)}: {Code(r.RemedyCommand)}");
            }

            if (r.KnowledgeIds.Count > 0)
            {
                writer.WriteLine($"  - {l(MarkdownLabels.KnowledgeBase)}: {string.Join(", ", r.KnowledgeIds.Select(Escape))}");
            }
        }

        private static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>Text as literal Markdown on one line: evidence quotes ids, paths and registry keys full of * _ [ ] &lt; |.</summary>
        private static string Escape(string text)
        {
            var escaped = new StringBuilder(text.Length);
            foreach (var ch in text)
            {
                if (ch is '\r' or '\n')
                {
                    escaped.Append(' ');
                    continue;
                }

                if ("\\`*_[]<>|#".IndexOf(ch) >= 0)
                {
                    escaped.Append('\\');
                }

                escaped.Append(ch);
            }

            return escaped.ToString();
        }

        /// <summary>An inline code span whose fence is longer than any run of backticks inside (PowerShell escapes with them).</summary>
        private static string Code(string command)
        {
            var longestRun = 0;
            var run = 0;
            foreach (var ch in command)
            {
                run = ch == '`' ? run + 1 : 0;
                longestRun = Math.Max(longestRun, run);
            }

            var fence = new string('`', longestRun + 1);
            var padding = command.StartsWith("`", StringComparison.Ordinal) || command.EndsWith("`", StringComparison.Ordinal) ? " " : string.Empty;
            return fence + padding + command.Replace("\r", " ").Replace("\n", " ") + padding + fence;
        }
    }
}
