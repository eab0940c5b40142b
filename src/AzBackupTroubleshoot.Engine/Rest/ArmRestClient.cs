using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AzBackupTroubleshoot.Engine.Rest
{
    /// <summary>JSON over the session's authenticated pipeline, for ARM operations that have no SDK package here.</summary>
    internal sealed class ArmRestClient(HttpPipeline pipeline, Uri endpoint)
    {
        internal static readonly JsonSerializerOptions Json = new()
        {
            PropertyNameCaseInsensitive = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        };

        public async Task<T> GetAsync<T>(string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
        {
            using var message = CreateMessage(RequestMethod.Get, path, query, body: null);
            var response = await SendAsync(message, path, cancellationToken).ConfigureAwait(false);
            return Deserialize<T>(response, path);
        }

        /// <summary>A list operation, following nextLink until the last page (a link that repeats, or a list without end, is an error).</summary>
        public async Task<IReadOnlyList<T>> GetAllPagesAsync<T>(string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
        {
            var items = new List<T>();
            var guard = new ListGuard(path);
            using (var first = CreateMessage(RequestMethod.Get, path, query, body: null))
            {
                var page = Deserialize<ArmPage<T>>(await SendAsync(first, path, cancellationToken).ConfigureAwait(false), path);
                items.AddRange(page.Value ?? []);
                guard.Read(page.Value?.Count ?? 0, page.NextLink);
                var nextLink = page.NextLink;
                while (!string.IsNullOrEmpty(nextLink))
                {
                    using var next = CreateLinkMessage(new Uri(nextLink!, UriKind.Absolute));
                    page = Deserialize<ArmPage<T>>(await SendAsync(next, path, cancellationToken).ConfigureAwait(false), path);
                    items.AddRange(page.Value ?? []);
                    guard.Read(page.Value?.Count ?? 0, page.NextLink);
                    nextLink = page.NextLink;
                }
            }

            return items;
        }

        public async Task<T> PostAsync<T>(string path, IReadOnlyList<KeyValuePair<string, string>> query, object body, CancellationToken cancellationToken)
        {
            using var message = CreateMessage(RequestMethod.Post, path, query, body);
            var response = await SendAsync(message, path, cancellationToken).ConfigureAwait(false);
            return Deserialize<T>(response, path);
        }

        /// <summary>A POST that starts a long-running operation: returns the URL to poll (Azure-AsyncOperation or Location), if any.</summary>
        public async Task<Uri?> PostAcceptedAsync(string path, IReadOnlyList<KeyValuePair<string, string>> query, object? body, CancellationToken cancellationToken)
        {
            using var message = CreateMessage(RequestMethod.Post, path, query, body);
            var response = await SendAsync(message, path, cancellationToken).ConfigureAwait(false);
            var operation = response.Headers.TryGetValue("Azure-AsyncOperation", out var asyncOperation) ? asyncOperation
                : response.Headers.TryGetValue("Location", out var location) ? location
                : null;
            return operation != null && Uri.TryCreate(operation, UriKind.Absolute, out var uri) ? uri : null;
        }

        /// <summary>
        /// One GET of a long-running operation's URL as the service handed it out: the status (202 while it runs), the
        /// body when there is one, and the Retry-After the service asks for.
        /// </summary>
        public async Task<OperationPoll<T>> PollAsync<T>(Uri operation, CancellationToken cancellationToken)
            where T : class
        {
            using var message = CreateLinkMessage(operation);
            var response = await SendAsync(message, operation.AbsolutePath, cancellationToken).ConfigureAwait(false);
            var body = response.Content.ToMemory().IsEmpty ? null : Deserialize<T>(response, operation.AbsolutePath);
            var retryAfter = response.Headers.TryGetValue("Retry-After", out var seconds) && int.TryParse(seconds, out var s) && s >= 0
                ? TimeSpan.FromSeconds(s)
                : (TimeSpan?)null;
            return new OperationPoll<T>(response.Status, body, retryAfter);
        }

        private static T Deserialize<T>(Response response, string path)
        {
            try
            {
                return JsonSerializer.Deserialize<T>(response.Content.ToMemory().Span, Json)
                    ?? throw new ArmRequestException(response.Status, "EmptyResponse", "The response had no body.", "GET", path, null);
            }
            catch (JsonException exception)
            {
                throw new ArmRequestException(response.Status, "InvalidResponse", "The response was not the JSON expected: " + exception.Message, "GET", path, null, exception);
            }
        }

        private HttpMessage CreateMessage(RequestMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> query, object? body)
        {
            var message = pipeline.CreateMessage();
            var request = message.Request;
            request.Method = method;
            request.Uri.Reset(endpoint);
            foreach (var segment in path.Split(['/'], StringSplitOptions.RemoveEmptyEntries))
            {
                request.Uri.AppendPath("/", escape: false);
                request.Uri.AppendPath(segment, escape: true);
            }

            foreach (var parameter in query)
            {
                request.Uri.AppendQuery(parameter.Key, parameter.Value, escapeValue: true);
            }

            request.Headers.Add(HttpHeader.Names.Accept, "application/json");
            if (body != null)
            {
                request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
                request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json));
            }

            return message;
        }

        /// <summary>A GET of a link the service handed out (next page, operation to poll).</summary>
        private HttpMessage CreateLinkMessage(Uri uri)
        {
            // The bearer token goes with every request: never follow a link to another host.
            if (Uri.Compare(uri, endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw new ArmRequestException(0, "UnexpectedLink", $"The service linked to another host ({uri.Host}); not followed.", "GET", uri.AbsolutePath, null);
            }

            var message = pipeline.CreateMessage();
            message.Request.Method = RequestMethod.Get;
            message.Request.Uri.Reset(uri);
            message.Request.Headers.Add(HttpHeader.Names.Accept, "application/json");
            return message;
        }

        private async Task<Response> SendAsync(HttpMessage message, string path, CancellationToken cancellationToken)
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var response = message.Response;
            if (response.IsError)
            {
                throw ArmErrors.FromResponse(response, message.Request.Method.Method, path);
            }

            return response;
        }
    }
}
