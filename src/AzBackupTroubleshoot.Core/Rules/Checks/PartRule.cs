using System;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// A rule that judges one separately collected part of the evidence (extensions, disks, locks …): when that
    /// part is null without a gap to explain it, the collector never read it, and the rule is Unknown.
    /// </summary>
    internal abstract class PartRule<TPart> : ReadinessRule
        where TPart : class
    {
        private readonly EvidencePart _part;
        private readonly Func<VmEvidence, TPart?> _select;

        protected PartRule(string id, LocalizedText title, RuleSeverity severity, string[] guards, EvidencePart part, Func<VmEvidence, TPart?> select)
            : base(id, title, severity, guards, part)
        {
            _part = part;
            _select = select;
        }

        protected sealed override RuleOutcome Judge(VmEvidence evidence) =>
            _select(evidence) is { } part ? Judge(evidence, part) : EvidenceParts.NotCollected(_part);

        protected abstract RuleOutcome Judge(VmEvidence evidence, TPart part);
    }
}
