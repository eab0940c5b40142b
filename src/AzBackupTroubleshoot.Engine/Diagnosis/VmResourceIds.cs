using System;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Engine.Diagnosis
{
    /// <summary>VM resource ids: as the evidence model names a VM, and as a backup job's container name spells one.</summary>
    internal static class VmResourceIds
    {
        public static VmIdentity IdentityOf(AzureResourceId vm) =>
            new(vm.Id, vm.SubscriptionId, vm.ResourceGroupName ?? string.Empty, vm.Name ?? string.Empty);

        /// <summary>
        /// The VM an Azure VM job's container name ("iaasvmcontainerv2;{group};{vm}", or the older "iaasvmcontainer;…")
        /// points at, in the vault's subscription; null for any other container.
        /// </summary>
        public static string? FromContainerName(string? containerName, string subscriptionId)
        {
            var parts = containerName?.Split(';');
            if (parts == null || parts.Length < 3 || !parts[0].StartsWith("iaasvmcontainer", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var group = parts[parts.Length - 2];
            var name = parts[parts.Length - 1];
            return group.Length == 0 || name.Length == 0
                ? null
                : $"/subscriptions/{subscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/{name}";
        }
    }
}
