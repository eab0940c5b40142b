using System;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>A subscription, or one resource group of it, to scan.</summary>
    internal sealed record ScanScope(string SubscriptionId, string? ResourceGroupName)
    {
        public string Id => ResourceGroupName == null
            ? $"/subscriptions/{SubscriptionId}"
            : $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroupName}";

        /// <summary>A subscription id, "/subscriptions/{id}" or "/subscriptions/{id}/resourceGroups/{name}".</summary>
        public static ScanScope Parse(string scope)
        {
            if (string.IsNullOrWhiteSpace(scope))
            {
                throw new ArgumentException("A scan scope is a subscription id, a subscription or a resource group resource id.", nameof(scope));
            }

            var trimmed = scope.Trim().TrimEnd('/');
            if (!trimmed.StartsWith("/", StringComparison.Ordinal))
            {
                return new ScanScope(trimmed, null);
            }

            if (!AzureResourceId.TryParse(trimmed, out var id, out var problem) || id!.Provider != null)
            {
                throw new ArgumentException($"'{scope}' is not a subscription or resource group id{(problem.Length == 0 ? "." : ": " + problem)}", nameof(scope));
            }

            return new ScanScope(id.SubscriptionId, id.ResourceGroupName);
        }
    }
}
