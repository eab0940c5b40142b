using Azure.Core;
using Azure.Identity;
using AzBackupTroubleshoot.Connection;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>Picks the credential: the caller's tokens, then managed identity when asked, then the non-interactive default chain.</summary>
    internal static class CredentialFactory
    {
        public static TokenCredential Create(ConnectionOptions options, CloudEndpoints cloud)
        {
            if (options.ExternalTokenSource != null)
            {
                return new ExternalTokenCredential(options.ExternalTokenSource);
            }

            if (options.UseManagedIdentity)
            {
                var identity = string.IsNullOrEmpty(options.ManagedIdentityClientId)
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId);
                return new ManagedIdentityCredential(identity);
            }

            // Never prompts: runbooks and CI have nobody to answer a browser.
            var defaultOptions = new DefaultAzureCredentialOptions
            {
                AuthorityHost = cloud.AuthorityHost,
                ExcludeInteractiveBrowserCredential = true,
            };
            if (!string.IsNullOrEmpty(options.TenantId))
            {
                defaultOptions.TenantId = options.TenantId;
            }

            if (!string.IsNullOrEmpty(options.ManagedIdentityClientId))
            {
                defaultOptions.ManagedIdentityClientId = options.ManagedIdentityClientId;
            }

            return new DefaultAzureCredential(defaultOptions);
        }
    }
}
