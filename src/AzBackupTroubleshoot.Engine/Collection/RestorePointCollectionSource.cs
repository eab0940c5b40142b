using System;
using System.Collections.Generic;
using System.Linq;
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

        /// <summary>
        /// The collections with their restore points counted, all at once; a collection that cannot be counted stays
        /// uncounted and its gap goes to <paramref name="gaps"/>.
        /// </summary>
        public async Task<IReadOnlyList<RestorePointCollectionEvidence>> CountEachAsync(
            IEnumerable<RestorePointCollectionEvidence> collections,
            List<EvidenceGap> gaps,
            CancellationToken cancellationToken) =>
            await Task.WhenAll(collections.Select(async collection =>
            {
                var count = await Parts.FetchAsync(EvidencePart.RestorePoints, "GET", collection.ResourceId, () => CountRestorePointsAsync(collection.ResourceId, cancellationToken)).ConfigureAwait(false);
                if (count.Gap == null)
                {
                    return collection with { RestorePointCount = count.Value };
                }

                lock (gaps)
                {
                    gaps.Add(count.Gap);
                }

                return collection;
            })).ConfigureAwait(false);

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
