using System;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.KeyVault
{
    /// <summary>Key Vault's management plane (Microsoft.KeyVault/vaults): access model and access policies.</summary>
    public sealed class KeyVaultManagementClient
    {
        private readonly ArmRestClient _rest;

        public KeyVaultManagementClient(AzureSession session)
        {
            _rest = (session ?? throw new ArgumentNullException(nameof(session))).Rest;
        }

        public Task<ArmResource<KeyVaultProperties>> GetVaultAsync(string keyVaultId, CancellationToken cancellationToken) =>
            _rest.GetAsync<ArmResource<KeyVaultProperties>>(keyVaultId, Query.ApiVersion(ApiVersions.KeyVault), cancellationToken);
    }
}
