using System;
using System.Linq;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Reporting;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Reporting.ReportResults;

namespace AzBackupTroubleshoot.Core.Tests.Reporting
{
    public class MarkdownReportWriterTests
    {
        private static string Report(SupportedCulture culture = SupportedCulture.English) => Write(new MarkdownReportWriter(), TwoVms(culture));

        private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

        /// <summary>The lines of one VM's section: from its heading to the next heading.</summary>
        private static string[] Section(string report, string vmName) =>
            Lines(report).SkipWhile(l => !l.StartsWith($"### {vmName} ", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("### ", StringComparison.Ordinal)).ToArray();

        [Fact]
        public void The_summary_table_has_a_row_per_VM_with_its_verdict_and_counts()
        {
            var lines = Lines(Report());

            Assert.Equal("## Azure VM backup readiness", lines[0]);
            Assert.Contains("| VM | Resource group | Verdict | Passed | Warnings | Failed | Unknown | Not applicable |", lines);
            Assert.Contains("| vm-app | rg-app | ❌ Not ready | 18 | 2 | 1 | 1 | 4 |", lines);
            Assert.Contains("| vm-db | rg-data | ✅ Ready | 22 | 0 | 0 | 0 | 4 |", lines);
        }

        [Fact]
        public void Each_failing_rule_is_listed_with_its_evidence_remedy_and_command()
        {
            var section = Section(Report(), "vm-app");

            Assert.Equal("### vm-app (rg-app): ❌ Not ready", Lines(Report()).Single(l => l.StartsWith("### vm-app", StringComparison.Ordinal)));
            Assert.Contains("**Failures**", section);
            Assert.Contains("- **Extension.BackupHealthy** The backup extension is not failed or stuck deleting: VMSnapshot extension 'VMSnapshot' is in provisioning state Deleting.", section);
            Assert.Contains("  - Remedy: Uninstall the backup extension; the next backup reinstalls it.", section);
            Assert.Contains(
                $"  - Command: `Repair-AzVmBackupExtension -ResourceId '{Rules.TestEvidence.VmId}' -VaultName 'vault-main' -VaultResourceGroupName 'rg-backup' -JobId '{{JobId}}'`",
                section);
        }

        [Fact]
        public void Warnings_and_unchecked_rules_are_listed_but_passes_are_not()
        {
            var section = Section(Report(), "vm-app");

            Assert.Contains("**Warnings**", section);
            Assert.Contains(section, l => l.StartsWith("- **RestorePoint.Limit** ", StringComparison.Ordinal));
            Assert.Contains("  - Remedy: Remove the lock and clean the collection.", section);
            Assert.Contains("**Could not be checked**", section);
            Assert.Contains(section, l => l.StartsWith("- **Policy.NoDeny** ", StringComparison.Ordinal));
            Assert.DoesNotContain(section, l => l.Contains("VM.Exists", StringComparison.Ordinal));
        }

        [Fact]
        public void A_ready_VM_gets_a_short_all_clear()
        {
            Assert.Equal(["", "Every check passed or did not apply.", ""], Section(Report(), "vm-db"));
        }

        [Fact]
        public void Fixed_words_follow_the_results_culture()
        {
            var report = Report(SupportedCulture.TraditionalChinese);

            Assert.StartsWith("## Azure 虛擬機器備份就緒檢查", report, StringComparison.Ordinal);
            Assert.Contains("| vm-app | rg-app | ❌ 未就緒 | 18 | 2 | 1 | 1 | 4 |", report, StringComparison.Ordinal);
            Assert.Contains("**失敗項目**", report, StringComparison.Ordinal);
            Assert.Contains("  - 解決方法: 解除安裝備份延伸模組；下次備份會重新安裝。", report, StringComparison.Ordinal);
        }

        [Fact]
        public void Evidence_is_escaped_so_it_cannot_break_the_table_or_the_list()
        {
            var result = Single("VM.PowerState") with { Result = RuleResult.Fail, Evidence = "a | b *c* <d>\nnext [e]_f" };

            var line = Lines(Write(new MarkdownReportWriter(), [result])).Single(l => l.StartsWith("- **VM.PowerState**", StringComparison.Ordinal));

            Assert.EndsWith(@": a \| b \*c\* \<d\> next \[e\]\_f", line);
        }

        [Fact]
        public void A_command_with_backticks_gets_a_longer_code_fence()
        {
            var result = Single("VM.PowerState") with { Result = RuleResult.Fail, RemedyCommand = "Start-AzVM `\n  -Name vm" };

            var report = Write(new MarkdownReportWriter(), [result]);

            Assert.Contains("  - Command: ``Start-AzVM `   -Name vm``", report, StringComparison.Ordinal);
        }

        [Fact]
        public void No_results_say_so()
        {
            Assert.Equal(["## Azure VM backup readiness", "", "No results.", ""], Lines(Write(new MarkdownReportWriter(), Array.Empty<ReadinessResult>())));
        }
    }
}
