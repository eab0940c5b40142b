using System;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;

namespace AzBackupTroubleshoot.Engine.Rest
{
    /// <summary>Turns ARM error responses, from our REST calls or the SDK, into <see cref="ArmRequestException"/>.</summary>
    internal static class ArmErrors
    {
        private static readonly Regex RefusedActionPattern = new(
            "perform action '(?<action>[^']+)'",
            RegexOptions.CultureInvariant | RegexOptions.Compiled,
            TimeSpan.FromSeconds(1));

        public static ArmRequestException FromResponse(Response response, string method, string path)
        {
            var (code, message) = ParseBody(response.Content);
            return Create(response.Status, code, message, method, path, null);
        }

        public static ArmRequestException FromSdk(RequestFailedException exception, string method, string path)
        {
            var response = exception.GetRawResponse();
            var (code, message) = response != null ? ParseBody(response.Content) : (null, null);
            return Create(exception.Status, code ?? exception.ErrorCode, message, method, path, exception);
        }

        private static ArmRequestException Create(int status, string? code, string? message, string method, string path, Exception? inner)
        {
            string? refused = null;
            if (status == 403)
            {
                var match = message != null ? RefusedActionPattern.Match(message) : Match.Empty;
                refused = match.Success ? match.Groups["action"].Value : ArmActionName.Infer(method, path);
            }

            return new ArmRequestException(status, code, message, method, path, refused, inner);
        }

        // {"error":{"code":"…","message":"…"}}; some services answer with the inner object alone, or with nothing.
        private static (string? Code, string? Message) ParseBody(BinaryData? content)
        {
            if (content == null || content.ToMemory().IsEmpty)
            {
                return (null, null);
            }

            try
            {
                using var document = JsonDocument.Parse(content.ToMemory());
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return (null, null);
                }

                var error = root.TryGetProperty("error", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : root;
                return (StringOf(error, "code"), StringOf(error, "message"));
            }
            catch (JsonException)
            {
                return (null, null);
            }
        }

        private static string? StringOf(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
