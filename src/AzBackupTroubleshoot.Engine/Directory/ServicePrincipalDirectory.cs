using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.Directory
{
    /// <summary>
    /// Finds a service principal's object id in the signed-in tenant from its application id: Key Vault access
    /// policies name principals by object id, the documentation names the Backup Management Service by app id.
    /// </summary>
    internal sealed class ServicePrincipalDirectory(AzureSession session)
    {
        /// <summary>The object id, or null when the tenant has no such principal or the cloud has no Graph.</summary>
        public async Task<string?> FindObjectIdAsync(string appId, CancellationToken cancellationToken)
        {
            if (session.Graph == null)
            {
                return null;
            }

            var page = await session.Graph.GetAsync<ArmPage<GraphObject>>(
                "v1.0/servicePrincipals",
                [new("$filter", $"appId eq '{appId}'"), new("$select", "id")],
                cancellationToken).ConfigureAwait(false);
            return page.Value?.Select(o => o.Id).FirstOrDefault(id => id != null);
        }
    }
}
