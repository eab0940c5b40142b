using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>
    /// Bounds the requests a session has in flight and, when given a <see cref="ReadBudget"/>, spends ARM's read
    /// tokens per subscription before a GET goes out. Placed after the retry policy, so a request waiting out a
    /// Retry-After does not hold a slot, and every attempt pays a token as it does at ARM. A request waits for its token
    /// before it takes a slot.
    /// </summary>
    internal sealed class RequestBudgetPolicy(int maxConcurrentRequests, ReadBudget? reads = null, Action<string>? announce = null) : HttpPipelinePolicy, IDisposable
    {
        private const string SubscriptionsSegment = "/subscriptions/";

        private readonly SemaphoreSlim _slots = new(Math.Max(1, maxConcurrentRequests));

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline, async: true);

        public void Dispose() => _slots.Dispose();

        /// <summary>The subscription a read is charged to: ARM counts reads per subscription; tenant-level paths and Graph are not budgeted.</summary>
        internal static string? BudgetedSubscriptionOf(Request request)
        {
            if (request.Method != RequestMethod.Get && request.Method != RequestMethod.Head)
            {
                return null;
            }

            var path = request.Uri.Path;
            if (!path.StartsWith(SubscriptionsSegment, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var end = path.IndexOf('/', SubscriptionsSegment.Length);
            var id = end < 0 ? path.Substring(SubscriptionsSegment.Length) : path.Substring(SubscriptionsSegment.Length, end - SubscriptionsSegment.Length);
            return id.Length == 0 ? null : id;
        }

        // Never more than one request may wait in all: a Retry-After of a day must not stall the subscription's other reads.
        private static TimeSpan RetryAfterOf(Response response) =>
            response.Headers.TryGetValue("Retry-After", out var value)
                && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                && seconds > 0
                ? TimeSpan.FromSeconds(Math.Min(seconds, ArmRetryPolicy.MaxWait.TotalSeconds))
                : TimeSpan.FromSeconds(1);

        private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
        {
            var subscription = reads == null ? null : BudgetedSubscriptionOf(message.Request);
            if (subscription != null)
            {
                await reads!.TakeAsync(subscription, message.CancellationToken).ConfigureAwait(false);
            }

            if (async)
            {
                await _slots.WaitAsync(message.CancellationToken).ConfigureAwait(false);
            }
            else
            {
                _slots.Wait(message.CancellationToken);
            }

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
                _slots.Release();
            }

            if (subscription != null && message.HasResponse && message.Response.Status == 429)
            {
                var pause = RetryAfterOf(message.Response);
                announce?.Invoke($"Azure throttled reads in subscription {subscription}: its reads pause for {pause.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s.");
                reads!.Throttled(subscription, pause);
            }
        }
    }
}
