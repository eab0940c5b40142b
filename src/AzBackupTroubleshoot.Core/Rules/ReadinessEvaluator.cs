using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules
{
    /// <summary>Runs every rule of a catalog over a VM's evidence and attaches titles and remedies in one culture.</summary>
    public sealed class ReadinessEvaluator
    {
        // A rule's service error is the protected VM's last backup's: only Azure VM backup entries can explain it.
        private static readonly MatchContext LastVmBackup = MatchContext.Of("Backup", "AzureIaasVM");

        private readonly RuleCatalog _catalog;
        private readonly KnowledgeBase _knowledge;

        public ReadinessEvaluator(RuleCatalog catalog, KnowledgeBase knowledge, SupportedCulture culture)
        {
            _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
            _knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
            Culture = culture;
        }

        public SupportedCulture Culture { get; }

        /// <summary>One result per rule, in catalog order. A rule that throws yields Unknown, so one bug never loses the VM.</summary>
        public IReadOnlyList<ReadinessResult> Evaluate(VmEvidence evidence)
        {
            if (evidence == null)
            {
                throw new ArgumentNullException(nameof(evidence));
            }

            return _catalog.Rules.Select(rule => ToResult(evidence, rule, Run(rule, evidence))).ToList();
        }

#pragma warning disable CA1031 // any exception of a rule is a defect to report as Unknown, not a reason to lose the VM
        private static RuleOutcome Run(IReadinessRule rule, VmEvidence evidence)
        {
            try
            {
                return rule.Evaluate(evidence);
            }
            catch (Exception ex)
            {
                var error = $"{ex.GetType().Name}: {ex.Message}";
                return RuleOutcome.Unknown(
                    $"The rule could not judge the evidence: {error}",
                    $"该规则无法判断证据：{error}",
                    $"此規則無法判斷證據：{error}");
            }
        }
#pragma warning restore CA1031

        private ReadinessResult ToResult(VmEvidence evidence, IReadinessRule rule, RuleOutcome outcome)
        {
            var knowledgeIds = KnowledgeIds(rule, outcome);
            var remedy = outcome.Result is RuleResult.Fail or RuleResult.Warning
                ? knowledgeIds.Select(_knowledge.Get).FirstOrDefault(e => e != null && e.Remedies.Count > 0)?.Remedies[0]
                : null;
            var vm = evidence.Vm;
            return new ReadinessResult
            {
                VmName = vm.Name,
                ResourceGroupName = vm.ResourceGroupName,
                SubscriptionId = vm.SubscriptionId,
                VmId = vm.ResourceId,
                RuleId = rule.Id,
                Title = rule.Title.Get(Culture),
                Severity = rule.Severity,
                Result = outcome.Result,
                Evidence = outcome.Evidence.Get(Culture),
                KnowledgeIds = knowledgeIds,
                Remedy = remedy?.Text.Get(Culture),
                RemedyCommand = remedy?.CommandTemplate == null ? null : CommandPlaceholders.From(evidence).FillKnown(remedy.CommandTemplate),
                Culture = Culture,
                CollectedAt = evidence.CollectedAt,
            };
        }

        // An error code the service reported names the documented error more precisely than the rule's guards.

        private IReadOnlyList<string> KnowledgeIds(IReadinessRule rule, RuleOutcome outcome)
        {
            var match = outcome.ServiceErrorCode != null || outcome.ServiceErrorMessage != null
                ? _knowledge.Resolve(outcome.ServiceErrorCode, outcome.ServiceErrorMessage, LastVmBackup)
                : null;
            return match == null
                ? rule.Guards
                : new[] { match.Entry.Id }.Concat(rule.Guards).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }
}
