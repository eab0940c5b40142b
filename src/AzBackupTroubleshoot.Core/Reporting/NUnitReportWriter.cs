using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Reporting
{
    /// <summary>
    /// NUnit 3 result XML: test-run, one test-suite for the run, one TestFixture suite per VM, one test-case per
    /// rule. Fail is Failed; NotApplicable and Unknown are Skipped with the reason; Pass and Warning are Passed,
    /// with the evidence (and for a warning the remedy) as output.
    /// </summary>
    public sealed class NUnitReportWriter : IReadinessReportWriter
    {
        public void Write(IEnumerable<ReadinessResult> results, TextWriter writer)
        {
            var all = results.ToList();
            var groups = VmResultGroup.ByVm(all);
            var summaries = groups.Select(g => g.Summary).ToList();
            var fixtures = groups.Select((g, i) => Fixture(g, $"1-{i + 1}")).ToList();
            var run = new XElement(
                "test-run",
                new XAttribute("id", "0"),
                new XAttribute("name", "AzBackupTroubleshoot readiness"),
                new XAttribute("fullname", "AzBackupTroubleshoot.Readiness"),
                Counts(all.Count, summaries),
                Times(all),
                new XElement(
                    "test-suite",
                    new XAttribute("type", "TestSuite"),
                    new XAttribute("id", "1"),
                    new XAttribute("name", "Readiness"),
                    new XAttribute("fullname", "AzBackupTroubleshoot.Readiness"),
                    new XAttribute("runstate", "Runnable"),
                    Counts(all.Count, summaries),
                    Times(all),
                    fixtures));
            ReportText.Save(new XDocument(run), writer);
        }

        private static XElement Fixture(VmResultGroup group, string id)
        {
            var summary = group.Summary;
            return new XElement(
                "test-suite",
                new XAttribute("type", "TestFixture"),
                new XAttribute("id", id),
                new XAttribute("name", ReportText.Xml(summary.VmName)),
                new XAttribute("fullname", ReportText.Xml(summary.VmId)),
                new XAttribute("classname", ReportText.Xml(summary.VmId)),
                new XAttribute("runstate", "Runnable"),
                Counts(group.Results.Count, [summary]),
                Times(group.Results),
                new XElement(
                    "properties",
                    ReportText.Property("SubscriptionId", summary.SubscriptionId),
                    ReportText.Property("ResourceGroupName", summary.ResourceGroupName),
                    ReportText.Property("Verdict", summary.Verdict.ToString()),
                    ReportText.Property("Culture", group.Results[0].Culture.ToCultureName())),
                group.Results.Select((r, i) => Case(r, $"{id}-{i + 1}")));
        }

        private static XElement Case(ReadinessResult result, string id)
        {
            var testCase = new XElement(
                "test-case",
                new XAttribute("id", id),
                new XAttribute("name", result.RuleId),
                new XAttribute("fullname", ReportText.Xml($"{result.VmId}.{result.RuleId}")),
                new XAttribute("methodname", result.RuleId),
                new XAttribute("classname", ReportText.Xml(result.VmId)),
                new XAttribute("runstate", "Runnable"),
                new XAttribute("seed", ReportText.Zero),
                new XAttribute("result", CaseResult(result.Result)),
                Times([result]),
                new XAttribute("asserts", ReportText.Zero),
                new XElement(
                    "properties",
                    ReportText.Property("Description", result.Title),
                    ReportText.Property("Severity", result.Severity.ToString()),
                    ReportText.Property("Outcome", result.Result.ToString())));
            testCase.Add(result.Result switch
            {
                RuleResult.Fail => new XElement("failure", new XElement("message", ReportText.Details(result))),
                RuleResult.NotApplicable => Reason("Not applicable: ", result),
                RuleResult.Unknown => Reason("Unknown: ", result),
                RuleResult.Warning => new XElement("output", "Warning: " + ReportText.Details(result)),
                _ => new XElement("output", ReportText.Xml(result.Evidence)),
            });
            return testCase;
        }

        private static string CaseResult(RuleResult result) => result switch
        {
            RuleResult.Fail => "Failed",
            RuleResult.NotApplicable or RuleResult.Unknown => "Skipped",
            _ => "Passed",
        };

        // NUnit calls a suite Failed when any case failed, Skipped when every case was skipped, Passed otherwise.
        private static string SuiteResult(int total, int failed, int skipped) =>
            failed > 0 ? "Failed" : total > 0 && skipped == total ? "Skipped" : "Passed";

        private static XElement Reason(string prefix, ReadinessResult result) =>
            new("reason", new XElement("message", prefix + ReportText.Xml(result.Evidence)));

        private static IEnumerable<XAttribute> Counts(int total, IReadOnlyCollection<VmReadinessSummary> summaries)
        {
            var failed = summaries.Sum(s => s.Failed);
            var skipped = summaries.Sum(s => s.NotApplicable + s.Unknown);
            return
            [
                new XAttribute("testcasecount", ReportText.Count(total)),
                new XAttribute("result", SuiteResult(total, failed, skipped)),
                new XAttribute("total", ReportText.Count(total)),
                new XAttribute("passed", ReportText.Count(total - failed - skipped)),
                new XAttribute("failed", ReportText.Count(failed)),
                new XAttribute("warnings", ReportText.Zero),
                new XAttribute("inconclusive", ReportText.Zero),
                new XAttribute("skipped", ReportText.Count(skipped)),
                new XAttribute("asserts", ReportText.Zero),
            ];
        }

        // Rules judge evidence read once, so every test starts and ends when that evidence was read and takes no time.
        private static IEnumerable<XAttribute> Times(IEnumerable<ReadinessResult> results)
        {
            var time = ReportText.Timestamp(results).UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
            return [new XAttribute("start-time", time), new XAttribute("end-time", time), new XAttribute("duration", "0.000000")];
        }
    }
}
