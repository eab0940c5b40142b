using System;
using System.Linq;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Core.Tests.Rules
{
    public class VmReadinessSummaryTests
    {
        internal static ReadinessResult Result(string ruleId, RuleResult result, RuleSeverity severity = RuleSeverity.Error, string vm = "vm-a") => new()
        {
            VmName = vm,
            ResourceGroupName = "rg-app",
            SubscriptionId = TestEvidence.SubscriptionId,
            VmId = $"/subscriptions/{TestEvidence.SubscriptionId}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/{vm}",
            RuleId = ruleId,
            Title = ruleId + " title",
            Severity = severity,
            Result = result,
            Evidence = $"{ruleId} evidence.",
            Culture = SupportedCulture.English,
            CollectedAt = TestEvidence.Now,
        };

        private static VmReadinessSummary Single(params ReadinessResult[] results) => VmReadinessSummary.Summarize(results).Single();

        [Fact]
        public void Any_failure_makes_the_VM_not_ready_and_is_listed()
        {
            var summary = Single(
                Result("A.Pass", RuleResult.Pass),
                Result("B.Fail", RuleResult.Fail),
                Result("C.Unknown", RuleResult.Unknown),
                Result("D.Warn", RuleResult.Warning),
                Result("E.Fail", RuleResult.Fail, RuleSeverity.Warning));

            Assert.Equal(ReadinessVerdict.NotReady, summary.Verdict);
            Assert.Equal(["B.Fail", "E.Fail"], summary.FailedRuleIds);
        }

        [Fact]
        public void An_unknown_without_failures_makes_the_verdict_unknown()
        {
            Assert.Equal(ReadinessVerdict.Unknown, Single(Result("A", RuleResult.Pass), Result("B", RuleResult.Unknown), Result("C", RuleResult.Warning)).Verdict);
        }

        [Fact]
        public void Warnings_alone_make_the_VM_ready_with_warnings()
        {
            Assert.Equal(ReadinessVerdict.ReadyWithWarnings, Single(Result("A", RuleResult.Pass), Result("B", RuleResult.Warning)).Verdict);
        }

        [Fact]
        public void Passes_and_not_applicable_rules_make_the_VM_ready()
        {
            Assert.Equal(ReadinessVerdict.Ready, Single(Result("A", RuleResult.Pass), Result("B", RuleResult.NotApplicable)).Verdict);
        }

        [Fact]
        public void Hints_are_counted_but_do_not_change_the_verdict()
        {
            var summary = Single(Result("A", RuleResult.Pass), Result("Hint.SqlServer", RuleResult.Warning, RuleSeverity.Information));

            Assert.Equal(ReadinessVerdict.Ready, summary.Verdict);
            Assert.Equal(1, summary.Warnings);
        }

        [Fact]
        public void Counts_add_up_to_the_number_of_results()
        {
            var summary = Single(
                Result("A", RuleResult.Pass),
                Result("B", RuleResult.Pass),
                Result("C", RuleResult.Warning),
                Result("D", RuleResult.Fail),
                Result("E", RuleResult.NotApplicable),
                Result("F", RuleResult.Unknown));

            Assert.Equal((2, 1, 1, 1, 1), (summary.Passed, summary.Warnings, summary.Failed, summary.NotApplicable, summary.Unknown));
        }

        [Fact]
        public void Summarize_gives_one_summary_per_VM_in_order_of_first_appearance()
        {
            var summaries = VmReadinessSummary.Summarize(
            [
                Result("A", RuleResult.Pass, vm: "vm-b"),
                Result("A", RuleResult.Fail, vm: "vm-a"),
                Result("B", RuleResult.Pass, vm: "vm-b"),
            ]);

            Assert.Equal(["vm-b", "vm-a"], summaries.Select(s => s.VmName));
            Assert.Equal([ReadinessVerdict.Ready, ReadinessVerdict.NotReady], summaries.Select(s => s.Verdict));
            Assert.Equal(2, summaries[0].Passed);
        }

        [Fact]
        public void Summarize_treats_VM_ids_that_differ_in_case_as_one_VM()
        {
            var upper = Result("B", RuleResult.Pass) with { VmId = Result("A", RuleResult.Pass).VmId.ToUpperInvariant() };

            Assert.Single(VmReadinessSummary.Summarize([Result("A", RuleResult.Pass), upper]));
        }

        [Fact]
        public void Summarize_of_nothing_is_empty()
        {
            Assert.Empty(VmReadinessSummary.Summarize(Array.Empty<ReadinessResult>()));
        }
    }
}
