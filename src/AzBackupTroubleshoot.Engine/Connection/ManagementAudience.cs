using System;
using System.Linq;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>
    /// Decides the token audience of a custom Resource Manager endpoint. Its /metadata/endpoints is read without
    /// authentication, so a hostile endpoint could name Key Vault, Storage or Graph there and be sent a token for it.
    /// Accepted: an audience the user names, a known cloud's management audience, or one on the endpoint's own host
    /// (a token only that server accepts). Its Microsoft Graph is kept on the same terms.
    /// </summary>
    internal static class ManagementAudience
    {
        private static readonly CloudEndpoints[] KnownClouds =
        [
            CloudEndpoints.ForName(CloudEndpoints.AzureCloudName),
            CloudEndpoints.ForName(CloudEndpoints.AzureChinaCloudName),
            CloudEndpoints.ForName(CloudEndpoints.AzureUSGovernmentName),
        ];

        // The classic management audiences, which the clouds' Resource Managers accept as well.
        private static readonly string[] ClassicAudiences =
        [
            "https://management.core.windows.net/",
            "https://management.core.chinacloudapi.cn/",
            "https://management.core.usgovcloudapi.net/",
        ];

        /// <summary>The endpoints as described, with the audience checked (or the user's) and an unknown Graph dropped.</summary>
        /// <exception cref="ArmAudienceRefusedException">The metadata names an audience that is not a management audience.</exception>
        public static CloudEndpoints Checked(CloudEndpoints described, string? namedAudience, Action<string>? warn)
        {
            var endpoint = described.ResourceManager;
            if (!KnownClouds.Any(cloud => SameHost(cloud.ResourceManager, endpoint)))
            {
                warn?.Invoke($"{endpoint} is not a known Azure cloud's Resource Manager; tokens for {namedAudience ?? described.Audience} go to it. Use -ArmEndpoint only with a Resource Manager you trust.");
            }

            var audience = namedAudience ?? described.Audience;
            if (namedAudience == null && !IsManagementAudience(audience, endpoint))
            {
                throw new ArmAudienceRefusedException(
                    $"The Resource Manager endpoint {endpoint} asks for tokens for '{audience}', which is not a management audience; no token was requested. If that is really its audience, name it with -ArmAudience.");
            }

            var graph = described.MicrosoftGraph;
            var trustedGraph = graph != null && (SameHost(graph, endpoint) || KnownClouds.Any(cloud => cloud.MicrosoftGraph != null && SameHost(cloud.MicrosoftGraph, graph)));
            return described with { Audience = audience, MicrosoftGraph = trustedGraph ? graph : null };
        }

        private static bool IsManagementAudience(string audience, Uri endpoint) =>
            KnownClouds.Select(cloud => cloud.Audience).Concat(ClassicAudiences).Any(known => string.Equals(known.TrimEnd('/'), audience.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            || (Uri.TryCreate(audience, UriKind.Absolute, out var uri) && SameHost(uri, endpoint));

        private static bool SameHost(Uri a, Uri b) =>
            Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
