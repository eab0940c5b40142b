using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>
    /// Reads a custom Resource Manager's own description of itself (Azure Stack Hub style), to learn the token audience
    /// and login endpoint. Newer endpoints answer with an array of clouds, older ones with a single object.
    /// </summary>
    internal static class ArmMetadataReader
    {
        public const string ApiVersion = "2022-09-01";

        public static async Task<CloudEndpoints> ReadAsync(HttpPipeline anonymousPipeline, Uri armEndpoint, CancellationToken cancellationToken)
        {
            var metadataUri = new Uri(armEndpoint, "metadata/endpoints?api-version=" + ApiVersion);
            using var message = anonymousPipeline.CreateMessage();
            message.Request.Method = RequestMethod.Get;
            message.Request.Uri.Reset(metadataUri);
            message.Request.Headers.Add(HttpHeader.Names.Accept, "application/json");
            await anonymousPipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var response = message.Response;
            if (response.IsError)
            {
                throw new InvalidOperationException(
                    $"The Resource Manager endpoint {armEndpoint} did not describe itself: GET {metadataUri.AbsolutePath} answered {response.Status}.");
            }

            using var document = JsonDocument.Parse(response.Content.ToMemory());
            return Parse(document.RootElement, armEndpoint);
        }

        internal static CloudEndpoints Parse(JsonElement root, Uri armEndpoint)
        {
            var cloud = root.ValueKind == JsonValueKind.Array ? PickCloud(root, armEndpoint) : root;
            if (cloud.ValueKind != JsonValueKind.Object
                || !cloud.TryGetProperty("authentication", out var authentication)
                || !authentication.TryGetProperty("audiences", out var audiences)
                || audiences.ValueKind != JsonValueKind.Array
                || audiences.GetArrayLength() == 0)
            {
                throw new InvalidOperationException($"The metadata of {armEndpoint} names no token audience.");
            }

            var audience = audiences[0].GetString()
                ?? throw new InvalidOperationException($"The metadata of {armEndpoint} names an empty token audience.");
            var loginEndpoint = authentication.TryGetProperty("loginEndpoint", out var login) ? login.GetString() : null;
            var name = cloud.TryGetProperty("name", out var nameElement) ? nameElement.GetString() : null;
            var graph = cloud.TryGetProperty("microsoftGraphResourceId", out var graphElement)
                && Uri.TryCreate(graphElement.GetString(), UriKind.Absolute, out var graphUri) ? graphUri : null;
            return new CloudEndpoints(
                name ?? armEndpoint.Host,
                armEndpoint,
                audience,
                AuthorityHostOf(loginEndpoint ?? "https://login.microsoftonline.com/"),
                graph);
        }

        private static JsonElement PickCloud(JsonElement clouds, Uri armEndpoint)
        {
            foreach (var cloud in clouds.EnumerateArray())
            {
                if (cloud.TryGetProperty("resourceManager", out var resourceManager)
                    && Uri.TryCreate(resourceManager.GetString(), UriKind.Absolute, out var uri)
                    && Uri.Compare(uri, armEndpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return cloud;
                }
            }

            return clouds.GetArrayLength() > 0 ? clouds[0] : default;
        }

        // An AD FS login endpoint ends in /adfs, which Azure.Identity adds itself as the tenant.
        private static Uri AuthorityHostOf(string loginEndpoint)
        {
            var trimmed = loginEndpoint.TrimEnd('/');
            if (trimmed.EndsWith("/adfs", StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed.Substring(0, trimmed.Length - "/adfs".Length);
            }

            return new Uri(trimmed + "/");
        }
    }
}
