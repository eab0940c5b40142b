using System;
using System.Collections.Generic;
using System.Linq;

namespace AzBackupTroubleshoot.Rules
{
    /// <summary>One VM's readiness in one line: the verdict, the counts and the failed rules.</summary>
    public sealed record VmReadinessSummary
    {
        public required string VmName { get; init; }

        public required string ResourceGroupName { get; init; }

        public required string SubscriptionId { get; init; }

        public required string VmId { get; init; }

        public ReadinessVerdict Verdict { get; init; }

        public int Passed { get; init; }

        public int Warnings { get; init; }

        public int Failed { get; init; }

        public int NotApplicable { get; init; }

        public int Unknown { get; init; }

        public IReadOnlyList<string> FailedRuleIds { get; init; } = [];

        /// <summary>One summary per VM, in the order the VMs first appear in <paramref name="results"/>.</summary>
        public static IReadOnlyList<VmReadinessSummary> Summarize(IEnumerable<ReadinessResult> results) =>
            VmResultGroup.ByVm(results).Select(g => g.Summary).ToList();

        /// <summary>
        /// Summarises the results of one VM. Hints (severity Information) are shown but never change the verdict:
        /// a SQL Server VM is not less ready for having SQL Server.
        /// </summary>
        internal static VmReadinessSummary Of(IReadOnlyList<ReadinessResult> results)
        {
            if (results.Count == 0)
            {
                throw new ArgumentException("A summary needs at least one result.", nameof(results));
            }

            var first = results[0];
            return new VmReadinessSummary
            {
                VmName = first.VmName,
                ResourceGroupName = first.ResourceGroupName,
                SubscriptionId = first.SubscriptionId,
                VmId = first.VmId,
                Verdict = VerdictOf(results.Where(r => r.Severity != RuleSeverity.Information).Select(r => r.Result).ToList()),
                Passed = results.Count(r => r.Result == RuleResult.Pass),
                Warnings = results.Count(r => r.Result == RuleResult.Warning),
                Failed = results.Count(r => r.Result == RuleResult.Fail),
                NotApplicable = results.Count(r => r.Result == RuleResult.NotApplicable),
                Unknown = results.Count(r => r.Result == RuleResult.Unknown),
                FailedRuleIds = results.Where(r => r.Result == RuleResult.Fail).Select(r => r.RuleId).ToList(),
            };
        }

        private static ReadinessVerdict VerdictOf(IReadOnlyCollection<RuleResult> results) =>
            results.Contains(RuleResult.Fail) ? ReadinessVerdict.NotReady
            : results.Contains(RuleResult.Unknown) ? ReadinessVerdict.Unknown
            : results.Contains(RuleResult.Warning) ? ReadinessVerdict.ReadyWithWarnings
            : ReadinessVerdict.Ready;
    }
}
