using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>
    /// Whether a lean scan spends a GET per collection to count a VM's restore points. Azure Backup trims a collection
    /// after each successful backup, so it fills up only when backups fail, when a lock blocks the trimming, when
    /// nothing protects the VM any more, or when the VM has more than one collection; only then are they counted.
    /// </summary>
    internal static class RestorePointCounting
    {
        public const string NotCountedReason =
            "they were not counted in this bulk scan, because the last backup completed, no backup failed in the last 7 days and no lock blocks the cleanup of old restore points";

        public static bool IsWorthCounting(
            IReadOnlyList<RestorePointCollectionEvidence> collections,
            IReadOnlyList<LockEvidence>? locks,
            IReadOnlyList<ProtectedItemInVault>? items,
            IReadOnlyList<JobEvidence>? jobs)
        {
            if (collections.Count == 0)
            {
                return false;
            }

            return collections.Count > 1
                || locks == null
                || locks.Any(l => l.Inherited || collections.Any(c => string.Equals(c.ResourceGroupName, l.ResourceGroupName, StringComparison.OrdinalIgnoreCase)))
                || items == null
                || items.Count == 0
                || items.Any(i => !IsHealthy(i))
                || jobs == null
                || jobs.Any(j => string.Equals(j.Status, "Failed", StringComparison.OrdinalIgnoreCase));
        }

        private static bool IsHealthy(ProtectedItemInVault item) =>
            item.Item.Properties is { } p
            && string.Equals(p.ProtectionState, "Protected", StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.LastBackupStatus, "Completed", StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.HealthStatus, "Passed", StringComparison.OrdinalIgnoreCase);
    }
}
