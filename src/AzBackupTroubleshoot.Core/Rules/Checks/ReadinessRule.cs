using System;
using System.Collections.Generic;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// The one base of the readiness rules. What every rule but VM.Exists does first: a VM that does not exist makes
    /// it NotApplicable, and a gap in an evidence part it reads makes it Unknown, so the rule itself only judges
    /// evidence that is there. A rule states its id, title, severity, guarded entries and reads here, once.
    /// </summary>
    public abstract class ReadinessRule : IReadinessRule
    {
        private protected ReadinessRule(string id, LocalizedText title, RuleSeverity severity, string[] guards, params EvidencePart[] reads)
        {
            Id = id;
            Title = title;
            Severity = severity;
            Guards = guards;
            Reads = reads;
        }

        public string Id { get; }

        public LocalizedText Title { get; }

        public RuleSeverity Severity { get; }

        public IReadOnlyList<string> Guards { get; }

        public IReadOnlyList<EvidencePart> Reads { get; }

        public RuleOutcome Evaluate(VmEvidence evidence)
        {
            if (!evidence.Exists)
            {
                return RuleOutcome.NotApplicable(
                    $"VM '{evidence.Vm.Name}' does not exist (ARM answered 404), so this check does not apply.",
                    $"虚拟机“{evidence.Vm.Name}”不存在（ARM 返回 404），因此本检查不适用。",
                    $"虛擬機器「{evidence.Vm.Name}」不存在（ARM 傳回 404），因此本檢查不適用。");
            }

            return MissingEvidenceText.UnknownIfGap(evidence, Reads) ?? Judge(evidence);
        }

        /// <summary>Judges a VM that exists and whose evidence parts named in the constructor were read.</summary>
        private protected abstract RuleOutcome Judge(VmEvidence evidence);

        /// <summary>
        /// Judges one separately collected part (extensions, disks, locks …): when it is null without a gap to explain
        /// it, the collector never read it, and the rule is Unknown.
        /// </summary>
        private protected static RuleOutcome IfCollected<TPart>(TPart? collected, EvidencePart part, Func<TPart, RuleOutcome> judge)
            where TPart : class =>
            collected is { } value ? judge(value) : MissingEvidenceText.NotCollected(part);
    }
}
