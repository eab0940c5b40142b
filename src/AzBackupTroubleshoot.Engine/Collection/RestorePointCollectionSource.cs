using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>
    /// Restore point collections: the subscription-wide list (which names each collection's source VM), then a GET with
    /// the contained restore points for the collections that matter, to count them.
    /// </summary>
    internal sealed class RestorePointCollectionSource(ArmClient arm)
    {
        public async Task<IReadOnlyList<RestorePointCollectionEvidence>> ListAsync(string subscriptionId, CancellationToken cancellationToken)
        {
            var collections = new List<RestorePointCollectionEvidence>();
            var subscription = arm.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(subscriptionId));
            await foreach (var collection in subscription.GetRestorePointGroupsAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = collection.Data.Id;
                collections.Add(new RestorePointCollectionEvidence(
                    id.ToString(),
                    collection.Data.Name,
                    id.ResourceGroupName ?? string.Empty,
                    collection.Data.Source?.Id?.ToString(),
                    RestorePointCount: null));
            }

            return collections;
        }

        public async Task<int> CountRestorePointsAsync(string collectionId, CancellationToken cancellationToken)
        {
            var response = await arm.GetRestorePointGroupResource(new ResourceIdentifier(collectionId))
                .GetAsync(RestorePointGroupExpand.RestorePoints, cancellationToken)
                .ConfigureAwait(false);
            return response.Value.Data.RestorePoints.Count;
        }

        /// <summary>Collections whose source is the VM: matched by the source VM's resource id, never by name.</summary>
        public static IReadOnlyList<RestorePointCollectionEvidence> OfVm(IEnumerable<RestorePointCollectionEvidence> collections, string vmResourceId)
        {
            var matches = new List<RestorePointCollectionEvidence>();
            foreach (var collection in collections)
            {
                if (string.Equals(collection.SourceVmId, vmResourceId, StringComparison.OrdinalIgnoreCase))
                {
                    matches.Add(collection);
                }
            }

            return matches;
        }
    }
}
