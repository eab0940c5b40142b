using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>
    /// The one way the engine works on many VMs at once: a fixed number of workers take the items in turn, so no
    /// fan-out grows with the size of the fleet. Each VM's own requests still share the session's in-flight bound.
    /// </summary>
    internal static class BoundedFanOut
    {
        /// <summary>VMs read at once by the single-VM collector, whoever asks (readiness for named VMs, live diagnosis).</summary>
        public const int MaxConcurrentVms = 8;

        /// <summary>Runs <paramref name="body"/> for every item, never more than <paramref name="maxConcurrency"/> at once.</summary>
        public static Task ForEachAsync<T>(IEnumerable<T> items, int maxConcurrency, Func<T, CancellationToken, Task> body, CancellationToken cancellationToken)
        {
            if (maxConcurrency < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "At least one item must be allowed at a time.");
            }

            var pending = new ConcurrentQueue<T>(items);
            return Task.WhenAll(Enumerable.Range(0, Math.Min(maxConcurrency, pending.Count)).Select(async _ =>
            {
                while (pending.TryDequeue(out var item))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await body(item, cancellationToken).ConfigureAwait(false);
                }
            }));
        }
    }
}
