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
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>
    /// Restore point collections: the subscription-wide list (which names each collection's source VM) for a scan, or,
    /// for one VM, the collections named after it; then a GET with the contained restore points for the collections
    /// that matter, to count them and learn their source.
    /// </summary>
    internal sealed class RestorePointCollectionSource(ArmClient arm)
    {
        public async Task<IReadOnlyList<RestorePointCollectionEvidence>> ListAsync(string subscriptionId, CancellationToken cancellationToken)
        {
            var collections = new List<RestorePointCollectionEvidence>();
            var subscription = arm.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(subscriptionId));
            var all = subscription.GetRestorePointGroupsAsync(cancellationToken);
            await foreach (var collection in ListGuard.ItemsOf(all, subscription.Id + "/providers/Microsoft.Compute/restorePointCollections", cancellationToken).ConfigureAwait(false))
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

        /// <summary>
        /// The collections whose name holds the VM's name, from the generic resource list filtered by the service: one
        /// short page however many collections the subscription has. Azure Backup names each collection after its VM
        /// ("AzureBackup_{vm}_{number}"); the source is not in this list, so it is learnt when the collections are
        /// counted, and a collection of a namesake VM is dropped then.
        /// </summary>
        public async Task<IReadOnlyList<RestorePointCollectionEvidence>> ListNamedAfterAsync(VmIdentity vm, CancellationToken cancellationToken)
        {
            var filter = $"resourceType eq 'Microsoft.Compute/restorePointCollections' and substringof({ODataLiteral.Of(vm.Name)}, name)";
            var collections = new List<RestorePointCollectionEvidence>();
            var subscription = arm.GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier(vm.SubscriptionId));
            var all = subscription.GetGenericResourcesAsync(filter, cancellationToken: cancellationToken);
            await foreach (var resource in ListGuard.ItemsOf(all, subscription.Id + "/resources", cancellationToken).ConfigureAwait(false))
            {
                var id = resource.Data.Id;
                collections.Add(new RestorePointCollectionEvidence(id.ToString(), resource.Data.Name, id.ResourceGroupName ?? string.Empty, SourceVmId: null, RestorePointCount: null));
            }

            return collections;
        }

        /// <summary>
        /// The collections with their restore points counted and their source read, all at once; a collection that
        /// cannot be read stays as listed and its gap goes to <paramref name="gaps"/>.
        /// </summary>
        public async Task<IReadOnlyList<RestorePointCollectionEvidence>> CountEachAsync(
            IEnumerable<RestorePointCollectionEvidence> collections,
            List<EvidenceGap> gaps,
            CancellationToken cancellationToken) =>
            await Task.WhenAll(collections.Select(async collection =>
            {
                var read = await Parts.FetchAsync(EvidencePart.RestorePoints, "GET", collection.ResourceId, () => GetWithRestorePointsAsync(collection.ResourceId, cancellationToken)).ConfigureAwait(false);
                if (read.Value != null)
                {
                    return collection with
                    {
                        RestorePointCount = read.Value.RestorePoints.Count,
                        SourceVmId = read.Value.Source?.Id?.ToString() ?? collection.SourceVmId,
                    };
                }

                lock (gaps)
                {
                    gaps.Add(read.Gap!);
                }

                return collection;
            })).ConfigureAwait(false);

        private async Task<RestorePointGroupData> GetWithRestorePointsAsync(string collectionId, CancellationToken cancellationToken)
        {
            var response = await arm.GetRestorePointGroupResource(new ResourceIdentifier(collectionId))
                .GetAsync(RestorePointGroupExpand.RestorePoints, cancellationToken)
                .ConfigureAwait(false);
            return response.Value.Data;
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
