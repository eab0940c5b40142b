using System;
using System.Collections.Generic;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules
{
    /// <summary>One rule's verdict for one VM, with the evidence and, for a failure or warning, the documented remedy.</summary>
    public sealed record ReadinessResult
    {
        public required string VmName { get; init; }

        public required string ResourceGroupName { get; init; }

        public required string SubscriptionId { get; init; }

        public required string VmId { get; init; }

        public required string RuleId { get; init; }

        /// <summary>The rule's title in <see cref="Culture"/>.</summary>
        public required string Title { get; init; }

        public RuleSeverity Severity { get; init; }

        public RuleResult Result { get; init; }

        /// <summary>The facts that decided the result, in English (they quote ARM and service text as written).</summary>
        public required string Evidence { get; init; }

        /// <summary>Knowledge-base entries the result concerns: an entry matched from a service error code first, then the rule's guarded entries.</summary>
        public IReadOnlyList<string> KnowledgeIds { get; init; } = [];

        /// <summary>For Fail and Warning: the first remedy step of the first of <see cref="KnowledgeIds"/> in the knowledge base, in <see cref="Culture"/>.</summary>
        public string? Remedy { get; init; }

        /// <summary>The command that performs <see cref="Remedy"/>, with this VM's id, name and resource group filled in.</summary>
        public string? RemedyCommand { get; init; }

        public SupportedCulture Culture { get; init; }

        /// <summary>When the evidence was read: the "now" the rule judged against.</summary>
        public DateTimeOffset CollectedAt { get; init; }
    }
}
