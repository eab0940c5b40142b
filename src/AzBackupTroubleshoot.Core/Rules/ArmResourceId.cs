using System;
using System.Collections.Generic;

namespace AzBackupTroubleshoot.Rules
{
    /// <summary>The parts of an ARM id or scope: a subscription, a resource group, or a resource below one.</summary>
    internal sealed class ArmResourceId
    {
        private ArmResourceId(IReadOnlyList<string> segments)
        {
            SubscriptionId = After(segments, "subscriptions");
            ResourceGroupName = After(segments, "resourceGroups");
            Name = segments.Count == 0 ? string.Empty : segments[segments.Count - 1];
            IsSubscription = segments.Count == 2 && SubscriptionId != null;
            IsResourceGroup = segments.Count == 4 && ResourceGroupName != null;
        }

        public string? SubscriptionId { get; }

        public string? ResourceGroupName { get; }

        /// <summary>The last segment: the resource's (or group's, or subscription's) own name.</summary>
        public string Name { get; }

        public bool IsSubscription { get; }

        public bool IsResourceGroup { get; }

        public static ArmResourceId Parse(string id) => new(id.Split(['/'], StringSplitOptions.RemoveEmptyEntries));

        private static string? After(IReadOnlyList<string> segments, string name)
        {
            for (var i = 0; i + 1 < segments.Count; i++)
            {
                if (string.Equals(segments[i], name, StringComparison.OrdinalIgnoreCase))
                {
                    return segments[i + 1];
                }
            }

            return null;
        }
    }
}
