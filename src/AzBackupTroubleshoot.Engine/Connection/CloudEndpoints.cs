using System;
using Azure.Identity;
using Azure.ResourceManager;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>Where a cloud's Resource Manager and token authority are, and the audience its tokens must carry.</summary>
    internal sealed record CloudEndpoints(string Name, Uri ResourceManager, string Audience, Uri AuthorityHost, Uri? MicrosoftGraph)
    {
        public const string AzureCloudName = "AzureCloud";
        public const string AzureChinaCloudName = "AzureChinaCloud";
        public const string AzureUSGovernmentName = "AzureUSGovernment";

        public string DefaultScope => Audience.TrimEnd('/') + "/.default";

        public ArmEnvironment ArmEnvironment => new(ResourceManager, Audience);

        public static CloudEndpoints ForName(string environmentName)
        {
            if (string.Equals(environmentName, AzureCloudName, StringComparison.OrdinalIgnoreCase))
            {
                return From(AzureCloudName, ArmEnvironment.AzurePublicCloud, AzureAuthorityHosts.AzurePublicCloud, "https://graph.microsoft.com/");
            }

            if (string.Equals(environmentName, AzureChinaCloudName, StringComparison.OrdinalIgnoreCase))
            {
                return From(AzureChinaCloudName, ArmEnvironment.AzureChina, AzureAuthorityHosts.AzureChina, "https://microsoftgraph.chinacloudapi.cn/");
            }

            if (string.Equals(environmentName, AzureUSGovernmentName, StringComparison.OrdinalIgnoreCase))
            {
                return From(AzureUSGovernmentName, ArmEnvironment.AzureGovernment, AzureAuthorityHosts.AzureGovernment, "https://graph.microsoft.us/");
            }

            throw new ArgumentException(
                $"Unknown Azure environment '{environmentName}'. Use {AzureCloudName}, {AzureChinaCloudName} or {AzureUSGovernmentName}, or give a custom ARM endpoint.",
                nameof(environmentName));
        }

        private static CloudEndpoints From(string name, ArmEnvironment environment, Uri authorityHost, string microsoftGraph) =>
            new(name, environment.Endpoint, environment.Audience, authorityHost, new Uri(microsoftGraph));
    }
}
