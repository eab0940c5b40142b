using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>
    /// A client-side copy of ARM's read throttle: one token bucket per subscription (a session is one principal), so
    /// a scan waits for a token instead of drawing 429s. A 429 that still arrives empties the bucket until its
    /// Retry-After has passed, so the other requests for that subscription wait too instead of drawing more.
    /// </summary>
    internal sealed class ReadBudget
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.OrdinalIgnoreCase);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly int _capacity;
        private readonly double _refillPerSecond;

        public ReadBudget(int capacity, double refillPerSecond)
        {
            if (capacity < 1 || refillPerSecond <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "A read budget needs at least one token and a positive refill rate.");
            }

            _capacity = capacity;
            _refillPerSecond = refillPerSecond;
        }

        /// <summary>Waits until the subscription's bucket has a token, and takes it.</summary>
        public async Task TakeAsync(string subscriptionId, CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var bucket = Refilled(subscriptionId);
                    if (bucket.Tokens >= 1)
                    {
                        bucket.Tokens -= 1;
                        return;
                    }

                    wait = TimeSpan.FromSeconds((1 - bucket.Tokens) / _refillPerSecond);
                }

                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>ARM said 429: nothing more for this subscription until <paramref name="retryAfter"/> has passed.</summary>
        public void Throttled(string subscriptionId, TimeSpan retryAfter)
        {
            lock (_gate)
            {
                var bucket = Refilled(subscriptionId);
                bucket.Tokens = Math.Min(bucket.Tokens, -retryAfter.TotalSeconds * _refillPerSecond);
            }
        }

        private Bucket Refilled(string subscriptionId)
        {
            var now = _clock.Elapsed.TotalSeconds;
            if (!_buckets.TryGetValue(subscriptionId, out var bucket))
            {
                bucket = new Bucket { Tokens = _capacity, At = now };
                _buckets.Add(subscriptionId, bucket);
            }

            bucket.Tokens = Math.Min(_capacity, bucket.Tokens + ((now - bucket.At) * _refillPerSecond));
            bucket.At = now;
            return bucket;
        }

        /// <summary>Tokens may go below zero: a debt that a 429's Retry-After puts on the bucket.</summary>
        private sealed class Bucket
        {
            public double Tokens { get; set; }

            public double At { get; set; }
        }
    }
}
