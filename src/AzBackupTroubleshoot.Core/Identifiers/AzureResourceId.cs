using System;
using System.Collections.Generic;
using System.Linq;

namespace AzBackupTroubleshoot.Identifiers
{
    /// <summary>
    /// A parsed Azure resource id (/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}…]).
    /// Validates before any call is made, so a malformed id is an argument error, not an HTTP 400.
    /// </summary>
    public sealed class AzureResourceId
    {
        private AzureResourceId(string id, string subscriptionId, string? resourceGroupName, string? provider, IReadOnlyList<(string Type, string Name)> segments)
        {
            Id = id;
            SubscriptionId = subscriptionId;
            ResourceGroupName = resourceGroupName;
            Provider = provider;
            Segments = segments;
        }

        public string Id { get; }
        public string SubscriptionId { get; }
        public string? ResourceGroupName { get; }

        /// <summary>The resource provider namespace, e.g. Microsoft.Compute; null for a subscription or resource group id.</summary>
        public string? Provider { get; }

        /// <summary>Type/name pairs after the provider, e.g. (virtualMachines, vm1).</summary>
        public IReadOnlyList<(string Type, string Name)> Segments { get; }

        /// <summary>The full type, e.g. Microsoft.Compute/virtualMachines.</summary>
        public string? ResourceType => Provider == null ? null : Provider + "/" + string.Join("/", Segments.Select(s => s.Type));

        public string? Name => Segments.Count == 0 ? null : Segments[Segments.Count - 1].Name;

        public bool IsSubscription => ResourceGroupName == null && Provider == null;

        public bool IsResourceGroup => ResourceGroupName != null && Provider == null;

        public bool IsVirtualMachine => string.Equals(ResourceType, "Microsoft.Compute/virtualMachines", StringComparison.OrdinalIgnoreCase);

        public bool IsRecoveryServicesVault => string.Equals(ResourceType, "Microsoft.RecoveryServices/vaults", StringComparison.OrdinalIgnoreCase);

        public static AzureResourceId Parse(string id) =>
            TryParse(id, out var parsed, out var problem) ? parsed! : throw new FormatException(problem);

        public static bool TryParse(string? id, out AzureResourceId? parsed, out string problem)
        {
            parsed = null;
            if (string.IsNullOrWhiteSpace(id))
            {
                problem = "The resource id is empty.";
                return false;
            }

            var parts = id!.Trim().Trim('/').Split('/');
            if (parts.Length < 2 || !parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) || !Guid.TryParse(parts[1], out _))
            {
                problem = $"'{id}' is not an Azure resource id: it must start with /subscriptions/<subscription GUID>.";
                return false;
            }

            var i = 2;
            string? group = null;
            if (i < parts.Length && parts[i].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase))
            {
                if (i + 1 >= parts.Length || parts[i + 1].Length == 0)
                {
                    problem = $"'{id}' names no resource group after /resourceGroups/.";
                    return false;
                }

                group = parts[i + 1];
                i += 2;
            }

            string? provider = null;
            var segments = new List<(string, string)>();
            if (i < parts.Length)
            {
                if (!parts[i].Equals("providers", StringComparison.OrdinalIgnoreCase) || i + 1 >= parts.Length)
                {
                    problem = $"'{id}' is not an Azure resource id: expected /providers/<namespace> after the resource group.";
                    return false;
                }

                provider = parts[i + 1];
                i += 2;
                if ((parts.Length - i) % 2 != 0 || parts.Length == i)
                {
                    problem = $"'{id}' is not an Azure resource id: resource types and names must come in pairs.";
                    return false;
                }

                for (; i < parts.Length; i += 2)
                {
                    if (parts[i].Length == 0 || parts[i + 1].Length == 0)
                    {
                        problem = $"'{id}' has an empty resource type or name.";
                        return false;
                    }

                    segments.Add((parts[i], parts[i + 1]));
                }
            }

            parsed = new AzureResourceId("/" + string.Join("/", parts), parts[1], group, provider, segments);
            problem = string.Empty;
            return true;
        }

        public override string ToString() => Id;
    }
}
