using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>
    /// Restore point collections: the subscription-wide list (which names each collection's source VM) for a scan, or,
    /// for one VM, the collections named after it; then a GET with the contained restore points for the collections
    /// that matter, to count them and learn their source.
    /// </summary>
    internal sealed class RestorePointCollectionSource(ArmClient arm, ArmRestClient rest)
    {
        /// <summary>The subscription's collections with their sources (null for a collection that names none).</summary>
        public async Task<IReadOnlyList<RestorePointCollectionEvidence>> ListAsync(string subscriptionId, CancellationToken cancellationToken)
        {
            var listed = await rest.GetAllPagesAsync<ArmResource<RestorePointCollectionProperties>>(
                $"/subscriptions/{subscriptionId}/providers/Microsoft.Compute/restorePointCollections",
                Query.ApiVersion(ApiVersions.RestorePointCollections),
                cancellationToken).ConfigureAwait(false);
            return listed.Where(c => !string.IsNullOrEmpty(c.Id)).Select(c => new RestorePointCollectionEvidence(
                c.Id!,
                c.Name ?? string.Empty,
                AzureResourceId.TryParse(c.Id, out var id, out _) ? id!.ResourceGroupName ?? string.Empty : string.Empty,
                RestorePointCollectionProperties.SourceVmIdOf(c.Properties),
                RestorePointCount: null)).ToArray();
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
        /// cannot be read stays as listed and its gap goes to <paramref name="gaps"/>, one that names no source is
        /// dropped with a note there.
        /// </summary>
        public async Task<IReadOnlyList<RestorePointCollectionEvidence>> CountEachAsync(
            IEnumerable<RestorePointCollectionEvidence> collections,
            List<EvidenceGap> gaps,
            CancellationToken cancellationToken) =>
            (await Task.WhenAll(collections.Select(async collection =>
            {
                var read = await GapOnFailure.FetchAsync(EvidencePart.RestorePoints, "GET", collection.ResourceId, () => GetWithRestorePointsAsync(collection.ResourceId, cancellationToken)).ConfigureAwait(false);
                var source = read.Value == null ? null : RestorePointCollectionProperties.SourceVmIdOf(read.Value.Properties);
                lock (gaps)
                {
                    if (read.Value == null)
                    {
                        gaps.Add(read.Gap!);
                        return collection;
                    }

                    if (source == null)
                    {
                        gaps.Add(Ignored(collection));
                        return null;
                    }
                }

                return collection with { RestorePointCount = read.Value.Properties?.RestorePoints?.Count ?? 0, SourceVmId = source };
            })).ConfigureAwait(false)).OfType<RestorePointCollectionEvidence>().ToArray();

        /// <summary>The note for a collection that names no source VM, so belongs to none and is not judged.</summary>
        public static EvidenceGap Ignored(RestorePointCollectionEvidence collection) =>
            new(EvidencePart.RestorePoints, $"restore point collection {collection.Name} names no source VM (its source.id is empty), so it was ignored", Skipped: true);

        /// <summary>One collection as plain JSON (see <see cref="RestorePointCollectionProperties"/>), with its restore points when <paramref name="withRestorePoints"/>.</summary>
        internal static Task<ArmResource<RestorePointCollectionProperties>> GetAsync(ArmRestClient rest, string collectionId, bool withRestorePoints, CancellationToken cancellationToken) =>
            rest.GetAsync<ArmResource<RestorePointCollectionProperties>>(
                collectionId,
                Query.ApiVersion(ApiVersions.RestorePointCollections, ("$expand", withRestorePoints ? "restorePoints" : null)),
                cancellationToken);

        private Task<ArmResource<RestorePointCollectionProperties>> GetWithRestorePointsAsync(string collectionId, CancellationToken cancellationToken) =>
            GetAsync(rest, collectionId, withRestorePoints: true, cancellationToken);

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
