using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>Every management lock of a subscription in one list call (the list includes group and resource locks).</summary>
    internal sealed class LockSource(ArmClient arm)
    {
        private const string LocksSegment = "/providers/Microsoft.Authorization/locks/";

        public async Task<IReadOnlyList<LockEvidence>> ListAsync(string subscriptionId, CancellationToken cancellationToken)
        {
            var locks = new List<LockEvidence>();
            var subscription = arm.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(subscriptionId));
            var all = subscription.GetManagementLocks().GetAllAsync(cancellationToken: cancellationToken);
            await foreach (var managementLock in ListGuard.ItemsOf(all, subscription.Id + "/providers/Microsoft.Authorization/locks", cancellationToken).ConfigureAwait(false))
            {
                locks.Add(ToEvidence(managementLock.Data.Id.ToString(), managementLock.Data));
            }

            return locks;
        }

        internal static LockEvidence ToEvidence(string lockId, ManagementLockData data)
        {
            var at = lockId.IndexOf(LocksSegment, StringComparison.OrdinalIgnoreCase);
            var scope = at < 0 ? lockId : lockId.Substring(0, at);
            var scopeId = new ResourceIdentifier(scope);
            var isSubscription = scopeId.ResourceType == SubscriptionResource.ResourceType;
            return new LockEvidence
            {
                ResourceId = lockId,
                Name = data.Name,
                Level = data.Level.ToString(),
                Notes = data.Notes,
                Owners = data.Owners.Select(owner => owner.ApplicationId).Where(id => id != null).ToArray(),
                Scope = scope,
                ResourceGroupName = isSubscription ? null : scopeId.ResourceGroupName,
                Inherited = isSubscription,
            };
        }
    }
}
