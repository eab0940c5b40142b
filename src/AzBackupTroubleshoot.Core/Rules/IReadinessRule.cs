using System.Collections.Generic;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules
{
    /// <summary>One backup-readiness check: a pure function of a VM's evidence.</summary>
    public interface IReadinessRule
    {
        /// <summary>Stable id, e.g. Agent.Ready: a constant of the rule's class (docs/knowledge-base.md lists them).</summary>
        string Id { get; }

        LocalizedText Title { get; }

        RuleSeverity Severity { get; }

        /// <summary>Knowledge-base entry ids this rule guards against.</summary>
        IReadOnlyList<string> Guards { get; }

        /// <summary>The evidence parts the rule judges from: a gap in any of them makes it Unknown.</summary>
        IReadOnlyList<EvidencePart> Reads { get; }

        /// <summary>Judges the VM. "Now" is <see cref="VmEvidence.CollectedAt"/>, so the result is repeatable.</summary>
        RuleOutcome Evaluate(VmEvidence evidence);
    }
}
