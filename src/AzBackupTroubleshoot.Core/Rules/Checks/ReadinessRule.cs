using System.Collections.Generic;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// What every rule but VM.Exists does first: a VM that does not exist makes it NotApplicable, and a gap in an
    /// evidence part it reads makes it Unknown, so the rule itself only judges evidence that is there.
    /// </summary>
    internal abstract class ReadinessRule : IReadinessRule
    {
        private readonly EvidencePart[] _reads;

        protected ReadinessRule(string id, LocalizedText title, RuleSeverity severity, string[] guards, params EvidencePart[] reads)
        {
            Id = id;
            Title = title;
            Severity = severity;
            Guards = guards;
            _reads = reads;
        }

        public string Id { get; }

        public LocalizedText Title { get; }

        public RuleSeverity Severity { get; }

        public IReadOnlyList<string> Guards { get; }

        public RuleOutcome Evaluate(VmEvidence evidence)
        {
            if (!evidence.Exists)
            {
                return RuleOutcome.NotApplicable($"VM '{evidence.Vm.Name}' does not exist (ARM answered 404), so this check does not apply.");
            }

            return EvidenceParts.UnknownIfGap(evidence, _reads) ?? Judge(evidence);
        }

        /// <summary>Judges a VM that exists and whose evidence parts named in the constructor were read.</summary>
        protected abstract RuleOutcome Judge(VmEvidence evidence);
    }
}
