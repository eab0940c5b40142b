using System;
using System.Diagnostics;

namespace AzBackupTroubleshoot.FakeArm.Http;

/// <summary>A thread-safe token bucket; <paramref name="elapsed"/> is the time since start (a stopwatch when null).</summary>
internal sealed class TokenBucket(int capacity, double refillPerSecond, Func<TimeSpan>? elapsed = null)
{
    private readonly object _gate = new();
    private readonly long _start = Stopwatch.GetTimestamp();
    private double _tokens = capacity;
    private double _lastSeconds;

    /// <summary>Takes a token. On success <paramref name="remaining"/> is what is left; on failure <paramref name="retryAfter"/> says when one is back.</summary>
    public bool TryTake(out int remaining, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = (elapsed?.Invoke() ?? Stopwatch.GetElapsedTime(_start)).TotalSeconds;
            _tokens = Math.Min(capacity, _tokens + ((now - _lastSeconds) * refillPerSecond));
            _lastSeconds = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                remaining = (int)Math.Floor(_tokens);
                retryAfter = TimeSpan.Zero;
                return true;
            }

            remaining = 0;
            retryAfter = refillPerSecond <= 0 ? TimeSpan.FromSeconds(60) : TimeSpan.FromSeconds((1 - _tokens) / refillPerSecond);
            return false;
        }
    }

    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return (int)Math.Floor(_tokens);
            }
        }
    }
}
