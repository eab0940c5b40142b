using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Reporting
{
    /// <summary>
    /// One self-contained HTML page (inline CSS and SVG, no script, nothing fetched) that shows the fleet before the
    /// details: the verdict counts with a bar, a VMs × rules matrix grouped by resource group, the rules that fail
    /// most often with their remedy and command, then a section per VM with the evidence of every rule that did not
    /// pass. Fixed words follow the results' culture.
    /// </summary>
    public sealed class HtmlReportWriter : IReadinessReportWriter
    {
        private static readonly ReadinessVerdict[] VerdictsWorstFirst =
            [ReadinessVerdict.NotReady, ReadinessVerdict.Unknown, ReadinessVerdict.ReadyWithWarnings, ReadinessVerdict.Ready];

        private static readonly RuleResult[] ResultsInLegend =
            [RuleResult.Fail, RuleResult.Unknown, RuleResult.Warning, RuleResult.Pass, RuleResult.NotApplicable];

        public void Write(IEnumerable<ReadinessResult> results, TextWriter writer)
        {
            var groups = VmResultGroup.ByVm(results);
            var culture = groups.Count == 0 ? SupportedCulture.English : groups[0].Results[0].Culture;
            string L(LocalizedText label) => label.Get(culture);

            HtmlPage.Start(writer, culture, L(MarkdownLabels.Heading));
            if (groups.Count == 0)
            {
                writer.Write($"<p>{HtmlText.Encode(L(MarkdownLabels.NoResults))}</p>\n");
                HtmlPage.End(writer);
                return;
            }

            var read = groups.SelectMany(g => g.Results).Select(r => r.CollectedAt).ToList();
            writer.Write($"<p class=\"note\">{HtmlText.Encode(L(HtmlLabels.EvidenceRead))}: {HtmlPage.Time(read.Min())} – {HtmlPage.Time(read.Max())}</p>\n");

            // Every VM gets an anchor by its place in the input, so names never have to be made into ids.
            var anchors = groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => "vm-" + HtmlText.Number(x.i + 1));
            WriteVerdicts(writer, groups, L);
            WriteMatrix(writer, groups, anchors, L);
            WriteFrequentFailures(writer, groups, L);
            WriteDetails(writer, groups, anchors, L);
            HtmlPage.End(writer);
        }

        /// <summary>The one place the report reads a result's evidence (the text may become localized).</summary>
        private static string EvidenceOf(ReadinessResult result) => result.Evidence;

        private static void WriteVerdicts(TextWriter writer, IReadOnlyList<VmResultGroup> groups, Func<LocalizedText, string> l)
        {
            HtmlPage.Heading(writer, 2, "verdicts", l(HtmlLabels.VerdictsHeading));
            var counts = VerdictsWorstFirst.Select(v => (Verdict: v, Count: groups.Count(g => g.Summary.Verdict == v))).ToList();
            HtmlPage.StackedBar(writer, "verdict-chart", l(HtmlLabels.VerdictsChart), counts.Select(c => (l(VerdictLabel(c.Verdict)), c.Count, VerdictClass(c.Verdict))).ToList());
            writer.Write($"<table id=\"verdict-counts\">\n<caption>{HtmlText.Encode(l(HtmlLabels.VerdictsHeading))}</caption>\n");
            writer.Write($"<thead><tr><th scope=\"col\">{HtmlText.Encode(l(MarkdownLabels.Verdict))}</th><th scope=\"col\">{HtmlText.Encode(l(HtmlLabels.VmCount))}</th></tr></thead>\n<tbody>\n");
            foreach (var (verdict, count) in counts)
            {
                writer.Write($"<tr><th scope=\"row\" class=\"{VerdictClass(verdict)}\">{VerdictSymbol(verdict)} {HtmlText.Encode(l(VerdictLabel(verdict)))}</th><td data-verdict=\"{verdict}\">{HtmlText.Number(count)}</td></tr>\n");
            }

            writer.Write($"</tbody>\n<tfoot><tr><th scope=\"row\">Σ</th><td>{HtmlText.Number(groups.Count)}</td></tr></tfoot>\n</table>\n");
        }

        private static void WriteMatrix(
            TextWriter writer, IReadOnlyList<VmResultGroup> groups, IReadOnlyDictionary<VmResultGroup, string> anchors, Func<LocalizedText, string> l)
        {
            var rules = groups.SelectMany(g => g.Results).GroupBy(r => r.RuleId, StringComparer.Ordinal).Select(g => (Id: g.Key, g.First().Title)).ToList();
            HtmlPage.Heading(writer, 2, "matrix", l(HtmlLabels.MatrixHeading));
            writer.Write($"<p class=\"note\">{HtmlText.Encode(l(HtmlLabels.MatrixOrder))}</p>\n");
            writer.Write($"<table id=\"legend\">\n<caption>{HtmlText.Encode(l(HtmlLabels.Legend))}</caption>\n<thead><tr><th scope=\"col\">{HtmlText.Encode(l(HtmlLabels.Symbol))}</th><th scope=\"col\">{HtmlText.Encode(l(HtmlLabels.Result))}</th></tr></thead>\n<tbody>\n");
            foreach (var result in ResultsInLegend)
            {
                writer.Write($"<tr><td class=\"c {ResultClass(result)}\">{ResultSymbol(result)}</td><td>{HtmlText.Encode(l(ResultLabel(result)))}</td></tr>\n");
            }

            writer.Write("</tbody>\n</table>\n");
            writer.Write($"<table id=\"rule-matrix\">\n<caption>{HtmlText.Encode(l(HtmlLabels.MatrixHeading))}</caption>\n<thead><tr><th scope=\"col\">{HtmlText.Encode(l(MarkdownLabels.Vm))}</th>");
            foreach (var (id, title) in rules)
            {
                writer.Write($"<th scope=\"col\" class=\"r\" title=\"{HtmlText.Encode(title)}\">{HtmlText.Encode(id)}</th>");
            }

            writer.Write("</tr></thead>\n");
            var byGroup = groups
                .GroupBy(g => g.Summary.ResourceGroupName, StringComparer.OrdinalIgnoreCase)
                .Select(g => (Name: g.Key, Vms: g.OrderBy(v => Severity(v.Summary.Verdict)).ThenBy(v => v.Summary.VmName, StringComparer.OrdinalIgnoreCase).ToList()))
                .OrderBy(g => Severity(g.Vms[0].Summary.Verdict))
                .ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, vms) in byGroup)
            {
                writer.Write($"<tbody>\n<tr><th scope=\"rowgroup\" colspan=\"{HtmlText.Number(rules.Count + 1)}\">{HtmlText.Encode(l(MarkdownLabels.ResourceGroup))}: {HtmlText.Encode(name)}</th></tr>\n");
                foreach (var vm in vms)
                {
                    var byRule = vm.Results.GroupBy(r => r.RuleId, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.First().Result, StringComparer.Ordinal);
                    writer.Write($"<tr><th scope=\"row\" class=\"{VerdictClass(vm.Summary.Verdict)}\"><a href=\"#{anchors[vm]}\">{HtmlText.Encode(vm.Summary.VmName)}</a></th>");
                    foreach (var (id, _) in rules)
                    {
                        writer.Write(byRule.TryGetValue(id, out var result)
                            ? $"<td class=\"c {ResultClass(result)}\">{ResultSymbol(result)}</td>"
                            : $"<td class=\"c\" title=\"{HtmlText.Encode(l(HtmlLabels.NotChecked))}\"></td>");
                    }

                    writer.Write("</tr>\n");
                }

                writer.Write("</tbody>\n");
            }

            writer.Write("</table>\n");
        }

        private static void WriteFrequentFailures(TextWriter writer, IReadOnlyList<VmResultGroup> groups, Func<LocalizedText, string> l)
        {
            HtmlPage.Heading(writer, 2, "frequent", l(HtmlLabels.FrequentHeading));
            var failing = groups.SelectMany(g => g.Results)
                .Where(r => r.Result == RuleResult.Fail)
                .GroupBy(r => r.RuleId, StringComparer.Ordinal)
                .OrderByDescending(g => g.Select(r => r.VmId).Distinct(StringComparer.OrdinalIgnoreCase).Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            if (failing.Count == 0)
            {
                writer.Write($"<p>{HtmlText.Encode(l(HtmlLabels.NoFailures))}</p>\n");
                return;
            }

            writer.Write($"<table id=\"frequent-failures\">\n<caption>{HtmlText.Encode(l(HtmlLabels.FrequentHeading))}</caption>\n<thead><tr>");
            foreach (var header in new[] { HtmlLabels.Rule, HtmlLabels.Title, HtmlLabels.VmsFailing, MarkdownLabels.Remedy, HtmlLabels.CommandForFirst })
            {
                writer.Write($"<th scope=\"col\">{HtmlText.Encode(l(header))}</th>");
            }

            writer.Write("</tr></thead>\n<tbody>\n");
            foreach (var rule in failing)
            {
                var first = rule.First();
                var withCommand = rule.FirstOrDefault(r => r.RemedyCommand != null);
                writer.Write($"<tr><th scope=\"row\">{HtmlText.Encode(rule.Key)}</th><td>{HtmlText.Encode(first.Title)}</td><td>{HtmlText.Number(rule.Select(r => r.VmId).Distinct(StringComparer.OrdinalIgnoreCase).Count())}</td>");
                writer.Write($"<td>{HtmlText.Encode(rule.Select(r => r.Remedy).FirstOrDefault(r => r != null))}</td>");
                writer.Write(withCommand == null ? "<td></td></tr>\n" : $"<td><code>{HtmlText.Encode(withCommand.RemedyCommand)}</code> <span class=\"note\">({HtmlText.Encode(withCommand.VmName)})</span></td></tr>\n");
            }

            writer.Write("</tbody>\n</table>\n");
        }

        private static void WriteDetails(
            TextWriter writer, IReadOnlyList<VmResultGroup> groups, IReadOnlyDictionary<VmResultGroup, string> anchors, Func<LocalizedText, string> l)
        {
            HtmlPage.Heading(writer, 2, "details", l(HtmlLabels.DetailsHeading));
            foreach (var group in groups)
            {
                var s = group.Summary;
                writer.Write($"<section aria-labelledby=\"{anchors[group]}\">\n");
                HtmlPage.Heading(writer, 3, anchors[group], $"{s.VmName} ({s.ResourceGroupName})");
                writer.Write($"<p><span class=\"{VerdictClass(s.Verdict)}\">{VerdictSymbol(s.Verdict)} {HtmlText.Encode(l(VerdictLabel(s.Verdict)))}</span> · ");
                writer.Write(string.Join(" · ", ResultsInLegend.Select(r => $"{HtmlText.Encode(l(ResultLabel(r)))} {HtmlText.Number(group.Results.Count(x => x.Result == r))}")));
                writer.Write($"</p>\n<p class=\"note\"><code>{HtmlText.Encode(s.VmId)}</code></p>\n");
                var listed = group.Results.Where(r => r.Result is RuleResult.Fail or RuleResult.Warning or RuleResult.Unknown)
                    .OrderBy(r => Array.IndexOf(ResultsInLegend, r.Result)).ToList();
                if (listed.Count == 0)
                {
                    writer.Write($"<p>{HtmlText.Encode(l(MarkdownLabels.AllPassed))}</p>\n</section>\n");
                    continue;
                }

                writer.Write("<ul>\n");
                foreach (var r in listed)
                {
                    writer.Write($"<li><span class=\"{ResultClass(r.Result)}\">{ResultSymbol(r.Result)} {HtmlText.Encode(l(ResultLabel(r.Result)))}</span> <strong>{HtmlText.Encode(r.RuleId)}</strong> {HtmlText.Encode(r.Title)}");
                    writer.Write($"<br>{HtmlText.Encode(l(HtmlLabels.Evidence))}: {HtmlText.Encode(EvidenceOf(r))}");
                    if (r.Remedy != null)
                    {
                        writer.Write($"<br>{HtmlText.Encode(l(MarkdownLabels.Remedy))}: {HtmlText.Encode(r.Remedy)}");
                    }

                    if (r.RemedyCommand != null)
                    {
                        writer.Write($"<br>{HtmlText.Encode(l(MarkdownLabels.Command))}: <code>{HtmlText.Encode(r.RemedyCommand)}</code>");
                    }

                    if (r.KnowledgeIds.Count > 0)
                    {
                        writer.Write($"<br>{HtmlText.Encode(l(MarkdownLabels.KnowledgeBase))}: {HtmlText.Encode(string.Join(", ", r.KnowledgeIds))}");
                    }

                    writer.Write("</li>\n");
                }

                writer.Write("</ul>\n</section>\n");
            }

        }

        private static int Severity(ReadinessVerdict verdict) => Array.IndexOf(VerdictsWorstFirst, verdict);

        private static LocalizedText VerdictLabel(ReadinessVerdict verdict) => verdict switch
        {
            ReadinessVerdict.Ready => MarkdownLabels.Ready,
            ReadinessVerdict.ReadyWithWarnings => MarkdownLabels.ReadyWithWarnings,
            ReadinessVerdict.NotReady => MarkdownLabels.NotReady,
            _ => MarkdownLabels.Unknown,
        };

        private static string VerdictClass(ReadinessVerdict verdict) => verdict switch
        {
            ReadinessVerdict.Ready => "p",
            ReadinessVerdict.ReadyWithWarnings => "w",
            ReadinessVerdict.NotReady => "f",
            _ => "u",
        };

        private static string VerdictSymbol(ReadinessVerdict verdict) => verdict switch
        {
            ReadinessVerdict.Ready => "✓",
            ReadinessVerdict.ReadyWithWarnings => "!",
            ReadinessVerdict.NotReady => "✗",
            _ => "?",
        };

        private static LocalizedText ResultLabel(RuleResult result) => result switch
        {
            RuleResult.Pass => MarkdownLabels.Passed,
            RuleResult.Warning => HtmlLabels.Warning,
            RuleResult.Fail => MarkdownLabels.Failed,
            RuleResult.NotApplicable => MarkdownLabels.NotApplicable,
            _ => MarkdownLabels.Unknown,
        };

        private static string ResultClass(RuleResult result) => result switch
        {
            RuleResult.Pass => "p",
            RuleResult.Warning => "w",
            RuleResult.Fail => "f",
            RuleResult.NotApplicable => "n",
            _ => "u",
        };

        private static string ResultSymbol(RuleResult result) => result switch
        {
            RuleResult.Pass => "✓",
            RuleResult.Warning => "!",
            RuleResult.Fail => "✗",
            RuleResult.NotApplicable => "–",
            _ => "?",
        };
    }
}
