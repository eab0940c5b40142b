using System;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>Records each attempt that reaches the transport: method, path and query (never headers, so never a token).</summary>
    internal sealed class RequestCountingPolicy(RequestCounter counter) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline, async: true);

        private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
        {
            var started = counter.NextEvent();
            try
            {
                if (async)
                {
                    await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
                }
                else
                {
                    ProcessNext(message, pipeline);
                }
            }
            finally
            {
                var uri = message.Request.Uri;
                counter.Add(new RequestRecord(
                    message.Request.Method.Method,
                    uri.Path,
                    uri.Query,
                    message.HasResponse ? message.Response.Status : null,
                    started,
                    counter.NextEvent()));
            }
        }
    }
}
