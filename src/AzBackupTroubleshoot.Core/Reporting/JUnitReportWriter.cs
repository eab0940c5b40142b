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
    /// JUnit XML in the Ant / Jenkins shape that Azure DevOps PublishTestResults and GitHub test reporters read:
    /// one testsuite per VM, one testcase per rule. Fail is a failure; NotApplicable and Unknown are skipped with
    /// the reason; Pass and Warning pass, with the evidence (and for a warning the remedy) as system-out, because
    /// JUnit has no warning state and a warning must not fail the pipeline.
    /// </summary>
    public sealed class JUnitReportWriter : IReadinessReportWriter
    {
        public void Write(IEnumerable<ReadinessResult> results, TextWriter writer)
        {
            var all = results.ToList();
            var groups = VmResultGroup.ByVm(all);
            var suites = groups.Select((g, i) => Suite(g, i)).ToList();
            var root = new XElement(
                "testsuites",
                new XAttribute("name", "AzBackupTroubleshoot readiness"),
                new XAttribute("tests", ReportText.Count(all.Count)),
                new XAttribute("failures", ReportText.Count(groups.Sum(g => g.Summary.Failed))),
                new XAttribute("errors", ReportText.Zero),
                new XAttribute("skipped", ReportText.Count(groups.Sum(g => Skipped(g.Summary)))),
                new XAttribute("time", ReportText.Zero),
                new XAttribute("timestamp", Timestamp(all)),
                suites);
            ReportText.Save(new XDocument(root), writer);
        }

        private static XElement Suite(VmResultGroup group, int index)
        {
            var summary = group.Summary;
            return new XElement(
                "testsuite",
                new XAttribute("name", ReportText.Xml($"{summary.ResourceGroupName}/{summary.VmName}")),
                new XAttribute("id", ReportText.Count(index)),
                new XAttribute("package", ReportText.Xml(summary.ResourceGroupName)),
                new XAttribute("hostname", ReportText.Xml(summary.VmName)),
                new XAttribute("tests", ReportText.Count(group.Results.Count)),
                new XAttribute("failures", ReportText.Count(summary.Failed)),
                new XAttribute("errors", ReportText.Zero),
                new XAttribute("skipped", ReportText.Count(Skipped(summary))),
                new XAttribute("time", ReportText.Zero),
                new XAttribute("timestamp", Timestamp(group.Results)),
                new XElement(
                    "properties",
                    ReportText.Property("vmId", summary.VmId),
                    ReportText.Property("subscriptionId", summary.SubscriptionId),
                    ReportText.Property("resourceGroupName", summary.ResourceGroupName),
                    ReportText.Property("verdict", summary.Verdict.ToString()),
                    ReportText.Property("culture", group.Results[0].Culture.ToCultureName())),
                group.Results.Select(Case));
        }

        private static XElement Case(ReadinessResult result)
        {
            var testCase = new XElement(
                "testcase",
                new XAttribute("name", ReportText.Xml($"{result.RuleId}: {result.Title}")),
                new XAttribute("classname", ReportText.Xml(result.VmId)),
                new XAttribute("time", ReportText.Zero));
            testCase.Add(result.Result switch
            {
                RuleResult.Fail => new XElement(
                    "failure",
                    new XAttribute("message", ReportText.Xml(result.Evidence)),
                    new XAttribute("type", result.RuleId),
                    ReportText.Details(result)),
                RuleResult.NotApplicable => Skipped("Not applicable: ", result),
                RuleResult.Unknown => Skipped("Unknown: ", result),
                RuleResult.Warning => new XElement("system-out", "Warning: " + ReportText.Details(result)),
                _ => new XElement("system-out", ReportText.Xml(result.Evidence)),
            });
            return testCase;
        }

        private static XElement Skipped(string prefix, ReadinessResult result) =>
            new("skipped", new XAttribute("message", prefix + ReportText.Xml(result.Evidence)));

        private static int Skipped(VmReadinessSummary summary) => summary.NotApplicable + summary.Unknown;

        // The Ant schema's timestamp: ISO 8601 without a zone, in UTC.
        private static string Timestamp(IEnumerable<ReadinessResult> results) =>
            ReportText.Timestamp(results).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
