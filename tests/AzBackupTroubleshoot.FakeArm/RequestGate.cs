using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>
/// Holds every request that reaches the server while closed, until the test releases them. A client that sends a round
/// of requests at once shows the whole round held together; one that waits for an answer before its next request never
/// does. So rounds are counted, not inferred from latency.
/// </summary>
public sealed class RequestGate
{
    private readonly object _lock = new();
    private readonly List<(string Request, TaskCompletionSource Release)> _held = [];

    /// <summary>Hold requests from now on (a new gate is open: requests pass).</summary>
    public bool Closed { get; set; }

    /// <summary>"METHOD /path" of the requests held now.</summary>
    public IReadOnlyList<string> Held
    {
        get
        {
            lock (_lock)
            {
                return [.. _held.Select(h => h.Request)];
            }
        }
    }

    /// <summary>Waits until exactly <paramref name="count"/> requests are held and returns them (fails when more arrive).</summary>
    public async Task<IReadOnlyList<string>> WaitForHeldAsync(int count)
    {
        var held = await Eventually.ValueAsync(() => Held is { } h && h.Count >= count ? h : null, $"{count} requests held").ConfigureAwait(false);
        if (held.Count != count)
        {
            throw new InvalidOperationException($"{held.Count} requests held, {count} expected: {string.Join(", ", held)}");
        }

        return held;
    }

    /// <summary>Lets every held request go on.</summary>
    public void ReleaseHeld()
    {
        List<(string Request, TaskCompletionSource Release)> released;
        lock (_lock)
        {
            released = [.. _held];
            _held.Clear();
        }

        foreach (var (_, release) in released)
        {
            release.TrySetResult();
        }
    }

    internal async Task PassAsync(string request, CancellationToken cancellationToken)
    {
        TaskCompletionSource release;
        lock (_lock)
        {
            if (!Closed)
            {
                return;
            }

            release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _held.Add((request, release));
        }

        await release.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
