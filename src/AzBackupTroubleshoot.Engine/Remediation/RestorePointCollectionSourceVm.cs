using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.Remediation
{
    /// <summary>Which VM a restore point collection was made from, so a cleanup named by collection works on that VM's evidence.</summary>
    public static class RestorePointCollectionSourceVm
    {
        /// <returns>The source VM's resource id, or null when the collection names none (no source, or an empty source.id).</returns>
        /// <exception cref="ArmRequestException">The collection cannot be read (404, 403 …).</exception>
        public static async Task<string?> FindAsync(AzureSession session, string collectionId, CancellationToken cancellationToken)
        {
            var collection = await RestorePointCollectionSource.GetAsync(session.Rest, collectionId, withRestorePoints: false, cancellationToken).ConfigureAwait(false);
            return RestorePointCollectionProperties.SourceVmIdOf(collection.Properties);
        }
    }
}
