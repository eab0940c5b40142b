using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Identity;
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
        /// <summary>
        /// The object id, or null when the tenant has no such principal or the cloud has no Graph. A Graph token that
        /// cannot be had (an identity with ARM rights only, say) is reported as a refused request, so that it becomes a
        /// gap in the evidence like any other refused read.
        /// </summary>
        public async Task<string?> FindObjectIdAsync(string appId, CancellationToken cancellationToken)
        {
            if (session.Graph == null)
            {
                return null;
            }

            const string Path = "v1.0/servicePrincipals";
            try
            {
                var page = await session.Graph.GetAsync<ArmPage<GraphObject>>(
                    Path,
                    [new("$filter", $"appId eq '{appId}'"), new("$select", "id")],
                    cancellationToken).ConfigureAwait(false);
                return page.Value?.Select(o => o.Id).FirstOrDefault(id => id != null);
            }
            catch (AuthenticationFailedException exception)
            {
                throw new ArmRequestException(401, "GraphTokenUnavailable", "No Microsoft Graph token: " + exception.Message, "GET", Path, null, exception);
            }
        }
    }
}
