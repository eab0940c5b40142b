using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>
    /// Bounds the requests a session has in flight. Placed after the retry policy, so a request waiting out a
    /// Retry-After does not hold a slot. The place to add a per-run request budget later.
    /// </summary>
    internal sealed class RequestBudgetPolicy(int maxConcurrentRequests) : HttpPipelinePolicy, IDisposable
    {
        private readonly SemaphoreSlim _slots = new(Math.Max(1, maxConcurrentRequests));

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            _slots.Wait(message.CancellationToken);
            try
            {
                ProcessNext(message, pipeline);
            }
            finally
            {
                _slots.Release();
            }
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await _slots.WaitAsync(message.CancellationToken).ConfigureAwait(false);
            try
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }

        public void Dispose() => _slots.Dispose();
    }
}
