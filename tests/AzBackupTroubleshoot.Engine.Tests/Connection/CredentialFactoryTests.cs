using System;
using System.Threading.Tasks;
using Azure.Identity;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Engine.Connection;

namespace AzBackupTroubleshoot.Engine.Tests.Connection
{
    /// <summary>
    /// Which credential a connection uses. The default chain is checked by selection only: acquiring a token with it
    /// here would probe the instance metadata service, which is off loopback.
    /// </summary>
    public class CredentialFactoryTests
    {
        private static readonly CloudEndpoints Cloud = CloudEndpoints.ForName(CloudEndpoints.AzureCloudName);

        [Fact]
        public void Borrowed_tokens_win_over_everything_else()
        {
            var options = new ConnectionOptions
            {
                UseManagedIdentity = true,
                ExternalTokenSource = (_, _) => Task.FromResult(("t", DateTimeOffset.UtcNow.AddHours(1))),
            };
            Assert.IsType<ExternalTokenCredential>(CredentialFactory.Create(options, Cloud));
        }

        [Fact]
        public void Identity_uses_the_managed_identity() =>
            Assert.IsType<ManagedIdentityCredential>(CredentialFactory.Create(new ConnectionOptions { UseManagedIdentity = true, ManagedIdentityClientId = "client" }, Cloud));

        [Fact]
        public void Otherwise_the_default_chain_is_used() =>
            Assert.IsType<DefaultAzureCredential>(CredentialFactory.Create(new ConnectionOptions { TenantId = "tenant" }, Cloud));
    }
}
