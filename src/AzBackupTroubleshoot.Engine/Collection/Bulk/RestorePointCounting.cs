using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules.Checks;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>
    /// Whether a scan with a lean restore point count (a diagnosis, or readiness when asked) spends a GET per collection to count a VM's restore points. Azure Backup trims a collection
    /// after each backup, so it fills up only when nothing trims it: a lock blocks the cleanup, protection has stopped
    /// or is unknown, the VM has more than one collection, or backups fail for a reason the knowledge base cannot pin
    /// on something else. A failure whose documented causes include a full collection is counted too, so the count can
    /// confirm or exclude that cause.
    /// </summary>
    internal static class RestorePointCounting
    {
        public const string NotCountedReason =
            "they were not counted in this bulk scan: the VM is protected, no lock blocks the cleanup of old restore points, and every backup failure of the last 7 days has a documented cause other than a full collection";

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

            if (collections.Count > 1
                || locks == null
                || locks.Any(l => l.Inherited || collections.Any(c => string.Equals(c.ResourceGroupName, l.ResourceGroupName, StringComparison.OrdinalIgnoreCase)))
                || items == null
                || items.Count == 0
                || items.Any(i => !IsProtected(i))
                || jobs == null)
            {
                return true;
            }

            var failed = jobs.Where(j => string.Equals(j.Status, "Failed", StringComparison.OrdinalIgnoreCase)).ToList();

            // An unhealthy item with no failed job to explain it: the failure is older than the jobs read.
            return failed.Any(CountCouldExplain) || (failed.Count == 0 && items.Any(i => !IsHealthy(i)));
        }

        /// <summary>A job with no recognised error, or with one that a full collection can cause.</summary>
        private static bool CountCouldExplain(JobEvidence job) =>
            job.Errors.Count == 0
            || job.Errors.Any(error => KnowledgeBase.Default.Resolve(error.Code, error.Message, MatchContext.Of(job.Operation, job.BackupManagementType)) is not { } match
                || match.Entry.Causes.Any(cause => cause.Checks.Contains(RestorePointLimitRule.RuleId, StringComparer.OrdinalIgnoreCase)));

        private static bool IsProtected(ProtectedItemInVault item) =>
            item.Item.Properties?.ProtectionState is { } state
            && (string.Equals(state, "Protected", StringComparison.OrdinalIgnoreCase) || string.Equals(state, "IRPending", StringComparison.OrdinalIgnoreCase));

        private static bool IsHealthy(ProtectedItemInVault item) =>
            item.Item.Properties is { } p
            && string.Equals(p.LastBackupStatus, "Completed", StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.HealthStatus, "Passed", StringComparison.OrdinalIgnoreCase);
    }
}
