using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Reporting;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Reporting.ReportResults;

namespace AzBackupTroubleshoot.Core.Tests.Reporting
{
    public class JUnitReportWriterTests
    {
        private static XDocument Report() => Parse(TwoVms());

        private static XDocument Parse(params ReadinessResult[] results) => Parse(results.AsEnumerable());

        private static XDocument Parse(IEnumerable<ReadinessResult> results) =>
            XDocument.Parse(Write(new JUnitReportWriter(), results));

        private static XElement Case(XDocument report, string vmId, string ruleId) =>
            report.Descendants("testcase").Single(c => (string?)c.Attribute("classname") == vmId && ((string)c.Attribute("name")!).StartsWith(ruleId + ":", StringComparison.Ordinal));

        private static int Count(XElement element, string attribute) => (int)element.Attribute(attribute)!;

        [Fact]
        public void The_report_conforms_to_the_JUnit_schema()
        {
            Assert.Empty(SchemaValidation.Errors(Report(), JUnitSchema.Schemas));
        }

        [Fact]
        public void There_is_one_testsuite_per_VM_and_one_testcase_per_rule()
        {
            var suites = Report().Root!.Elements("testsuite").ToList();

            Assert.Equal(["rg-app/vm-app", "rg-data/vm-db"], suites.Select(s => (string)s.Attribute("name")!));
            Assert.All(suites, s => Assert.Equal(RuleCatalog.Default.Rules.Count, s.Elements("testcase").Count()));
            Assert.Equal(["0", "1"], suites.Select(s => (string)s.Attribute("id")!));
        }

        [Fact]
        public void Counts_add_up_per_suite_and_overall()
        {
            var report = Report();
            var root = report.Root!;

            foreach (var suite in root.Elements("testsuite"))
            {
                var cases = suite.Elements("testcase").ToList();
                Assert.Equal(cases.Count, Count(suite, "tests"));
                Assert.Equal(cases.Count(c => c.Element("failure") != null), Count(suite, "failures"));
                Assert.Equal(cases.Count(c => c.Element("skipped") != null), Count(suite, "skipped"));
                Assert.Equal(0, Count(suite, "errors"));
            }

            foreach (var attribute in new[] { "tests", "failures", "skipped", "errors" })
            {
                Assert.Equal(root.Elements("testsuite").Sum(s => Count(s, attribute)), Count(root, attribute));
            }

            var troubled = root.Elements("testsuite").First();
            Assert.Equal((26, 1, 5), (Count(troubled, "tests"), Count(troubled, "failures"), Count(troubled, "skipped")));
        }

        [Fact]
        public void A_failure_carries_the_evidence_as_message_and_the_remedy_in_its_body()
        {
            var failure = Case(Report(), Rules.TestEvidence.VmId, "Extension.BackupHealthy").Element("failure")!;

            Assert.Equal("VMSnapshot extension 'VMSnapshot' is in provisioning state Deleting.", (string)failure.Attribute("message")!);
            Assert.Equal("Extension.BackupHealthy", (string)failure.Attribute("type")!);
            Assert.Equal(
                string.Join(
                    "\n",
                    "VMSnapshot extension 'VMSnapshot' is in provisioning state Deleting.",
                    "Remedy: Uninstall the backup extension; the next backup reinstalls it.",
                    $"Command: Repair-AzVmBackupExtension -ResourceId '{Rules.TestEvidence.VmId}' -VaultName 'vault-main' -VaultResourceGroupName 'rg-backup' -JobId '{{JobId}}'",
                    "Knowledge base: A9"),
                failure.Value);
        }

        [Fact]
        public void Not_applicable_and_unknown_rules_are_skipped_with_the_reason()
        {
            var report = Report();

            var notApplicable = Case(report, Rules.TestEvidence.VmId, "Encryption.KeyVaultAccess").Element("skipped")!;
            var unknown = Case(report, Rules.TestEvidence.VmId, "Policy.NoDeny").Element("skipped")!;

            Assert.Equal("Not applicable: The VM does not use Azure Disk Encryption.", (string)notApplicable.Attribute("message")!);
            Assert.Equal("Unknown: Evidence about the policy assignments could not be read: AuthorizationFailed (HTTP 403).", (string)unknown.Attribute("message")!);
        }

        [Fact]
        public void A_warning_passes_and_says_why_with_its_remedy_in_system_out()
        {
            var warning = Case(Report(), Rules.TestEvidence.VmId, "RestorePoint.Limit");

            Assert.Null(warning.Element("failure"));
            Assert.Null(warning.Element("skipped"));
            Assert.StartsWith("Warning: Restore point collection 'AzureBackup_vm-app_1'", warning.Element("system-out")!.Value);
            Assert.Contains("Remedy: Remove the lock and clean the collection.", warning.Element("system-out")!.Value);
        }

        [Fact]
        public void A_pass_records_its_evidence_in_system_out()
        {
            var pass = Case(Report(), DbVmId, "VM.PowerState");

            Assert.Equal(["system-out"], pass.Elements().Select(e => e.Name.LocalName));
            Assert.Equal("VM power state is running.", pass.Element("system-out")!.Value);
        }

        [Fact]
        public void Testcases_are_named_by_rule_and_title_and_classed_by_VM_id()
        {
            var testCase = Case(Report(), DbVmId, "Agent.Ready");

            Assert.Equal("Agent.Ready: The VM agent reports Ready", (string)testCase.Attribute("name")!);
            Assert.Equal("0", (string)testCase.Attribute("time")!);
        }

        [Fact]
        public void Suites_carry_the_time_the_evidence_was_read_and_the_VMs_details()
        {
            var suite = Report().Root!.Elements("testsuite").First();
            var properties = suite.Element("properties")!.Elements("property").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);

            Assert.Equal("2025-03-01T12:00:00", (string)suite.Attribute("timestamp")!);
            Assert.Equal("vm-app", (string)suite.Attribute("hostname")!);
            Assert.Equal("rg-app", (string)suite.Attribute("package")!);
            Assert.Equal(Rules.TestEvidence.VmId, properties["vmId"]);
            Assert.Equal("NotReady", properties["verdict"]);
            Assert.Equal("en-US", properties["culture"]);
        }

        [Fact]
        public void Characters_XML_cannot_hold_are_dropped_rather_than_breaking_the_file()
        {
            var result = Single("VM.PowerState") with { Result = RuleResult.Fail, Evidence = "state\u0001 starting\uFFFF." };

            var failure = Parse(result).Descendants("failure").Single();

            Assert.Equal("state starting.", (string)failure.Attribute("message")!);
        }

        [Fact]
        public void Chinese_titles_and_remedies_survive_a_UTF8_file()
        {
            using var stream = new MemoryStream();
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1024, leaveOpen: true))
            {
                new JUnitReportWriter().Write(TwoVms(SupportedCulture.TraditionalChinese), writer);
            }

            var text = Encoding.UTF8.GetString(stream.ToArray());
            var report = XDocument.Parse(text);

            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
            Assert.Contains("解除安裝備份延伸模組；下次備份會重新安裝。", Case(report, Rules.TestEvidence.VmId, "Extension.BackupHealthy").Element("failure")!.Value);
            Assert.Equal("Agent.Ready: 虛擬機器代理程式回報「就緒」", (string)Case(report, DbVmId, "Agent.Ready").Attribute("name")!);
        }

        [Fact]
        public void No_results_make_an_empty_valid_report()
        {
            var report = Parse(Array.Empty<ReadinessResult>());

            Assert.Empty(SchemaValidation.Errors(report, JUnitSchema.Schemas));
            Assert.Equal(0, Count(report.Root!, "tests"));
            Assert.Empty(report.Root!.Elements());
        }
    }
}
