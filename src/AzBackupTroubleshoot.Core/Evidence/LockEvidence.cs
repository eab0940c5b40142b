using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Identifiers;

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

        /// <summary>Set on a whole subscription: lifting it unprotects every resource there, not only the backup's group.</summary>
        public bool IsOnSubscription => AzureResourceId.TryParse(Scope, out var scope, out _) && scope!.IsSubscription;

        /// <summary>Same level, notes and owners as <paramref name="other"/>: what putting a lock back must reproduce.</summary>
        public bool IsSameLockAs(LockEvidence other) =>
            other != null
            && string.Equals(Level, other.Level, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Notes ?? string.Empty, other.Notes ?? string.Empty, StringComparison.Ordinal)
            && Owners.OrderBy(a => a, StringComparer.OrdinalIgnoreCase).SequenceEqual(other.Owners.OrderBy(a => a, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

        public override string ToString() => $"{Name} ({Level}) on {Scope}";
    }
}
