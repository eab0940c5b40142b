using System;
using System.Linq;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>
    /// Plans the documented cleanup for a full restore point collection (B4) or a lock on the restore point
    /// resource group (C6, C7). Only collections whose source is the VM, in the backup service's own
    /// AzureBackupRG_&lt;location&gt;_&lt;n&gt; groups, are ever touched; never a disk, never anything else.
    /// </summary>
    public static class RestorePointCleanupPlanner
    {
        private static readonly Regex BackupResourceGroup = new("^AzureBackupRG_[A-Za-z0-9]+_[0-9]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static bool IsBackupResourceGroup(string? name) => name != null && BackupResourceGroup.IsMatch(name);

        /// <param name="vm">The VM's evidence, with restore point collections and locks read.</param>
        /// <param name="method">Delete the collections, or trigger the on-demand backup that makes the service clean up.</param>
        /// <param name="removeLocks">Whether locks may be lifted for the duration of the cleanup.</param>
        /// <param name="onlyCollectionId">Restrict the cleanup to this collection (-RestorePointCollectionId).</param>
        /// <param name="removeSubscriptionLocks">Whether locks on the whole subscription may be lifted too (-IncludeSubscriptionLock).</param>
        /// <exception cref="InvalidOperationException">The evidence lacks collections or locks.</exception>
        /// <exception cref="ArgumentException">The named collection is not one of this VM's in a backup resource group.</exception>
        public static RestorePointCleanupPlan Plan(VmEvidence vm, CleanupMethod method, bool removeLocks, string? onlyCollectionId = null, bool removeSubscriptionLocks = false)
        {
            if (vm.RestorePointCollections == null || vm.Locks == null)
            {
                throw new InvalidOperationException($"Restore point collections and locks of {vm.Vm.Name} could not be read; nothing is changed without them.");
            }

            var collections = vm.RestorePointCollections
                .Where(c => string.Equals(c.SourceVmId, vm.Vm.ResourceId, StringComparison.OrdinalIgnoreCase) && IsBackupResourceGroup(c.ResourceGroupName))
                .ToList();
            if (onlyCollectionId != null)
            {
                collections = collections.Where(c => string.Equals(c.ResourceId, onlyCollectionId, StringComparison.OrdinalIgnoreCase)).ToList();
                if (collections.Count == 0)
                {
                    throw new ArgumentException($"'{onlyCollectionId}' is not a restore point collection of {vm.Vm.Name} in an AzureBackupRG_<location>_<n> resource group; it is left alone.", nameof(onlyCollectionId));
                }
            }

            var groups = collections.Select(c => c.ResourceGroupName).ToList();
            var ids = collections.Select(c => c.ResourceId).ToList();
            var locks = vm.Locks
                .Where(l => l.Inherited
                    || groups.Contains(l.ResourceGroupName ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                    || ids.Any(id => l.Scope.StartsWith(id, StringComparison.OrdinalIgnoreCase))
                    || (method == CleanupMethod.OnDemandBackup && IsBackupResourceGroup(l.ResourceGroupName)))
                .GroupBy(l => l.ResourceId, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .ToList();
            return new RestorePointCleanupPlan(vm.Vm, method, collections, locks, removeLocks, removeSubscriptionLocks);
        }
    }
}
