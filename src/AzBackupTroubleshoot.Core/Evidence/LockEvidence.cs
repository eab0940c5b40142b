using System.Collections.Generic;

namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>A management lock, with everything needed to put it back exactly as it was.</summary>
    public sealed record LockEvidence
    {
        public required string ResourceId { get; init; }

        public required string Name { get; init; }

        /// <summary>CanNotDelete or ReadOnly.</summary>
        public required string Level { get; init; }

        public string? Notes { get; init; }

        /// <summary>Application ids of the lock's owners.</summary>
        public IReadOnlyList<string> Owners { get; init; } = [];

        /// <summary>The scope the lock is set on: a subscription, resource group or resource id.</summary>
        public required string Scope { get; init; }

        /// <summary>The resource group the lock protects (for a subscription lock: the group it is inherited by).</summary>
        public string? ResourceGroupName { get; init; }

        /// <summary>Set at the subscription and inherited by the group.</summary>
        public bool Inherited { get; init; }

        public override string ToString() => $"{Name} ({Level}) on {Scope}";
    }
}
