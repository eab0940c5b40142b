using System;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.Policy
{
    /// <summary>
    /// Policy and initiative definitions by id, over REST: a definition id may be built-in (tenant), subscription or
    /// management-group scoped, which the SDK models as six separate resource types.
    /// </summary>
    public sealed class PolicyDefinitionClient
    {
        private readonly ArmRestClient _rest;

        public PolicyDefinitionClient(AzureSession session)
        {
            _rest = (session ?? throw new ArgumentNullException(nameof(session))).Rest;
        }

        public Task<ArmResource<PolicyDefinitionProperties>> GetDefinitionAsync(string definitionId, CancellationToken cancellationToken) =>
            _rest.GetAsync<ArmResource<PolicyDefinitionProperties>>(definitionId, Query.ApiVersion(ApiVersions.PolicyDefinitions), cancellationToken);

        public Task<ArmResource<PolicySetDefinitionProperties>> GetSetDefinitionAsync(string setDefinitionId, CancellationToken cancellationToken) =>
            _rest.GetAsync<ArmResource<PolicySetDefinitionProperties>>(setDefinitionId, Query.ApiVersion(ApiVersions.PolicyDefinitions), cancellationToken);
    }
}
