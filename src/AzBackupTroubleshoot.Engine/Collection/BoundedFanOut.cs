using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>
    /// The one way the engine works on many VMs at once: a fixed number of workers take the items in turn from a
    /// channel, so no fan-out grows with the size of the fleet. Each VM's own requests still share the session's
    /// in-flight bound.
    /// </summary>
    internal static class BoundedFanOut
    {
        /// <summary>VMs read at once by the single-VM collector, whoever asks (readiness for named VMs, live diagnosis).</summary>
        public const int MaxConcurrentVms = 8;

        /// <summary>VMs read at once by a bulk scan: each needs few reads of its own, the lists answer the rest.</summary>
        public const int MaxConcurrentListedVms = 32;

        /// <summary>Runs <paramref name="body"/> for every item, never more than <paramref name="maxConcurrency"/> at once.</summary>
        public static Task ForEachAsync<T>(IEnumerable<T> items, int maxConcurrency, Func<T, CancellationToken, Task> body, CancellationToken cancellationToken)
        {
            CheckBound(maxConcurrency);
            var all = items.ToList();
            var pending = Channel.CreateUnbounded<T>();
            foreach (var item in all)
            {
                pending.Writer.TryWrite(item);
            }

            pending.Writer.Complete();
            return RunWorkers(pending.Reader, Math.Min(maxConcurrency, all.Count), body, cancellationToken);
        }

        /// <summary>
        /// Runs <paramref name="body"/> for every item written to <paramref name="items"/> while it is still being
        /// filled, never more than <paramref name="maxConcurrency"/> at once; ends when the channel is completed and
        /// drained. A bounded channel makes its writer wait while every worker is busy.
        /// </summary>
        public static Task ForEachAsync<T>(ChannelReader<T> items, int maxConcurrency, Func<T, CancellationToken, Task> body, CancellationToken cancellationToken)
        {
            CheckBound(maxConcurrency);
            return RunWorkers(items, maxConcurrency, body, cancellationToken);
        }

        private static void CheckBound(int maxConcurrency)
        {
            if (maxConcurrency < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "At least one item must be allowed at a time.");
            }
        }

        private static Task RunWorkers<T>(ChannelReader<T> items, int workers, Func<T, CancellationToken, Task> body, CancellationToken cancellationToken) =>
            Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
            {
                // Not ReadAllAsync: on PowerShell 7 the runtime's own channels answer, and their IAsyncEnumerable is not
                // the one this netstandard2.0 assembly was built against.
                while (await items.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (items.TryRead(out var item))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await body(item, cancellationToken).ConfigureAwait(false);
                    }
                }
            }));
    }
}
