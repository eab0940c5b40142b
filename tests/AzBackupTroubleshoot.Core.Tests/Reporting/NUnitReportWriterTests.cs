using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using AzBackupTroubleshoot.Reporting;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Reporting.ReportResults;

namespace AzBackupTroubleshoot.Core.Tests.Reporting
{
    public class NUnitReportWriterTests
    {
        private static XDocument Parse(IEnumerable<ReadinessResult> results) => XDocument.Parse(Write(new NUnitReportWriter(), results));

        private static XDocument Report() => Parse(TwoVms());

        private static XElement Fixture(XDocument report, string vmId) =>
            report.Descendants("test-suite").Single(s => (string?)s.Attribute("type") == "TestFixture" && (string?)s.Attribute("fullname") == vmId);

        private static XElement Case(XDocument report, string vmId, string ruleId) =>
            Fixture(report, vmId).Elements("test-case").Single(c => (string?)c.Attribute("name") == ruleId);

        private static int Count(XElement element, string attribute) => (int)element.Attribute(attribute)!;

        [Fact]
        public void The_report_conforms_to_the_NUnit_3_schema()
        {
            Assert.Empty(SchemaValidation.Errors(Report(), NUnitSchema.Schemas));
        }

        [Fact]
        public void A_run_holds_one_suite_with_one_fixture_per_VM_and_one_case_per_rule()
        {
            var run = Report().Root!;
            var fixtures = run.Element("test-suite")!.Elements("test-suite").ToList();

            Assert.Equal("test-run", run.Name.LocalName);
            Assert.Equal(["vm-app", "vm-db"], fixtures.Select(f => (string)f.Attribute("name")!));
            Assert.All(fixtures, f => Assert.Equal(RuleCatalog.Default.Rules.Select(r => r.Id), f.Elements("test-case").Select(c => (string)c.Attribute("name")!)));
        }

        [Fact]
        public void Counts_add_up_at_every_level()
        {
            var run = Report().Root!;
            foreach (var node in run.DescendantsAndSelf().Where(e => e.Name.LocalName is "test-run" or "test-suite"))
            {
                var cases = node.Descendants("test-case").ToList();
                Assert.Equal(cases.Count, Count(node, "total"));
                Assert.Equal(cases.Count, Count(node, "testcasecount"));
                Assert.Equal(cases.Count(c => (string?)c.Attribute("result") == "Passed"), Count(node, "passed"));
                Assert.Equal(cases.Count(c => (string?)c.Attribute("result") == "Failed"), Count(node, "failed"));
                Assert.Equal(cases.Count(c => (string?)c.Attribute("result") == "Skipped"), Count(node, "skipped"));
                Assert.Equal(Count(node, "total"), Count(node, "passed") + Count(node, "failed") + Count(node, "skipped") + Count(node, "inconclusive"));
            }

            Assert.Equal((52, 42, 1, 9), (Count(run, "total"), Count(run, "passed"), Count(run, "failed"), Count(run, "skipped")));
        }

        [Fact]
        public void Results_map_to_Passed_Failed_and_Skipped()
        {
            var report = Report();
            string ResultOf(string ruleId) => (string)Case(report, Rules.TestEvidence.VmId, ruleId).Attribute("result")!;

            Assert.Equal("Failed", ResultOf("Extension.BackupHealthy"));
            Assert.Equal("Passed", ResultOf("RestorePoint.Limit")); // a warning
            Assert.Equal("Passed", ResultOf("VM.Exists"));
            Assert.Equal("Skipped", ResultOf("Encryption.KeyVaultAccess")); // not applicable
            Assert.Equal("Skipped", ResultOf("Policy.NoDeny")); // unknown
        }

        [Fact]
        public void Suites_fail_when_a_case_fails_and_pass_otherwise()
        {
            var report = Report();

            Assert.Equal("Failed", (string)report.Root!.Attribute("result")!);
            Assert.Equal("Failed", (string)Fixture(report, Rules.TestEvidence.VmId).Attribute("result")!);
            Assert.Equal("Passed", (string)Fixture(report, DbVmId).Attribute("result")!);
        }

        [Fact]
        public void A_failure_message_carries_the_evidence_and_the_remedy()
        {
            var message = Case(Report(), Rules.TestEvidence.VmId, "Extension.BackupHealthy").Element("failure")!.Element("message")!.Value;

            Assert.StartsWith("VMSnapshot extension 'VMSnapshot' is in provisioning state Deleting.\nRemedy: Uninstall the backup extension; the next backup reinstalls it.\nCommand: Repair-AzVmBackupExtension", message);
        }

        [Fact]
        public void Skipped_cases_give_the_reason()
        {
            var report = Report();

            Assert.Equal(
                "Not applicable: The VM does not use Azure Disk Encryption.",
                Case(report, Rules.TestEvidence.VmId, "Encryption.KeyVaultAccess").Element("reason")!.Element("message")!.Value);
            Assert.StartsWith("Unknown: Evidence about the policy assignments", Case(report, Rules.TestEvidence.VmId, "Policy.NoDeny").Element("reason")!.Element("message")!.Value);
        }

        [Fact]
        public void A_warning_is_recorded_as_output_with_its_remedy()
        {
            var testCase = Case(Report(), Rules.TestEvidence.VmId, "RestorePoint.Limit");

            Assert.Null(testCase.Element("failure"));
            Assert.StartsWith("Warning: Restore point collection", testCase.Element("output")!.Value);
            Assert.Contains("Remedy: Remove the lock and clean the collection.", testCase.Element("output")!.Value);
        }

        [Fact]
        public void Cases_carry_the_title_severity_and_outcome_as_properties_and_the_VM_as_class()
        {
            var testCase = Case(Report(), DbVmId, "Hint.SqlServer");
            var properties = testCase.Element("properties")!.Elements("property").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);

            Assert.Equal("SQL Server on the VM: backup settings to know", properties["Description"]);
            Assert.Equal("Information", properties["Severity"]);
            Assert.Equal("NotApplicable", properties["Outcome"]);
            Assert.Equal(DbVmId, (string)testCase.Attribute("classname")!);
            Assert.Equal(DbVmId + ".Hint.SqlServer", (string)testCase.Attribute("fullname")!);
            Assert.Equal("2025-03-01 12:00:00Z", (string)testCase.Attribute("start-time")!);
        }

        [Fact]
        public void Ids_are_unique()
        {
            var ids = Report().Descendants().Select(e => (string?)e.Attribute("id")).Where(id => id != null).ToList();

            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        [Fact]
        public void No_results_make_an_empty_valid_report()
        {
            var report = Parse(Array.Empty<ReadinessResult>());

            Assert.Empty(SchemaValidation.Errors(report, NUnitSchema.Schemas));
            Assert.Equal(0, Count(report.Root!, "total"));
            Assert.Equal("Passed", (string)report.Root!.Attribute("result")!);
        }
    }
}
