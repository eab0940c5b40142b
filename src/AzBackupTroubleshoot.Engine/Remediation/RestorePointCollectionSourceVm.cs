using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Compute;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.Remediation
{
    /// <summary>Which VM a restore point collection was made from, so a cleanup named by collection works on that VM's evidence.</summary>
    public static class RestorePointCollectionSourceVm
    {
        /// <returns>The source VM's resource id, or null when the collection names none.</returns>
        /// <exception cref="ArmRequestException">The collection cannot be read (404, 403 …).</exception>
        public static async Task<string?> FindAsync(AzureSession session, string collectionId, CancellationToken cancellationToken)
        {
            try
            {
                var collection = await session.Arm.GetRestorePointGroupResource(new ResourceIdentifier(collectionId))
                    .GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                return collection.Value.Data.Source?.Id?.ToString();
            }
            catch (RequestFailedException ex)
            {
                throw ArmErrors.FromSdk(ex, "GET", collectionId);
            }
        }
    }
}
