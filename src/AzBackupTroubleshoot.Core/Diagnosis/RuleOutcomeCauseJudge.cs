using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>
    /// Judges causes by the readiness rules they name: a failing (or warning) rule confirms the cause, passing
    /// rules exclude it, anything else leaves it unknown.
    /// </summary>
    public sealed class RuleOutcomeCauseJudge
    {
        private readonly IReadOnlyDictionary<string, RuleOutcome> _outcomes;

        public RuleOutcomeCauseJudge(IReadOnlyDictionary<string, RuleOutcome> outcomesByRuleId)
        {
            _outcomes = outcomesByRuleId;
        }

        public DiagnosedCauseVerdict Judge(KnowledgeCause cause)
        {
            var known = cause.Checks
                .Select(id => _outcomes.TryGetValue(id, out var outcome) ? outcome : null)
                .Where(o => o != null && o.Result != RuleResult.NotApplicable && o.Result != RuleResult.Unknown)
                .Select(o => o!)
                .ToList();
            var confirming = known.Where(o => o.Result is RuleResult.Fail or RuleResult.Warning).ToList();
            if (confirming.Count > 0)
            {
                return new DiagnosedCauseVerdict(CauseStatus.Confirmed, confirming.Select(o => o.Evidence).ToList());
            }

            // Exclusion needs every named check to have passed; one unreadable check leaves the cause open.
            return known.Count > 0 && known.Count == cause.Checks.Count
                ? new DiagnosedCauseVerdict(CauseStatus.Excluded, known.Select(o => o.Evidence).ToList())
                : DiagnosedCauseVerdict.NoEvidence;
        }
    }
}
