using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests.Collection;

public class BoundedFanOutTests
{
    [Fact]
    public async Task Never_runs_more_bodies_at_once_than_the_limit_and_runs_every_item()
    {
        var running = 0;
        var mostAtOnce = 0;
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new ConcurrentBag<int>();

        var fanOut = BoundedFanOut.ForEachAsync(Enumerable.Range(0, 20), 3, async (item, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await release.Task;
            await Task.Yield();
            done.Add(item);
            Interlocked.Decrement(ref running);
        }, CancellationToken.None);

        // Every started body waits for the release: exactly the limit has started, none beyond it.
        Assert.Equal(3, Volatile.Read(ref running));
        release.SetResult(true);
        await fanOut;

        Assert.Equal(3, mostAtOnce);
        Assert.Equal(Enumerable.Range(0, 20), done.OrderBy(i => i));
    }

    [Fact]
    public async Task The_single_vm_fan_outs_share_one_limit_below_the_fleet_size()
    {
        var running = 0;
        var mostAtOnce = 0;
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        var fanOut = BoundedFanOut.ForEachAsync(Enumerable.Range(0, 100), BoundedFanOut.MaxConcurrentVms, async (_, _) =>
        {
            InterlockedMax(ref mostAtOnce, Interlocked.Increment(ref running));
            await release.Task;
            Interlocked.Decrement(ref running);
        }, CancellationToken.None);

        Assert.Equal(BoundedFanOut.MaxConcurrentVms, Volatile.Read(ref running));
        release.SetResult(true);
        await fanOut;
        Assert.Equal(BoundedFanOut.MaxConcurrentVms, mostAtOnce);
    }

    [Fact]
    public async Task A_channel_filled_while_the_workers_run_keeps_its_writer_waiting_while_every_worker_is_busy()
    {
        var running = 0;
        var mostAtOnce = 0;
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new ConcurrentBag<int>();
        var queue = Channel.CreateBounded<int>(1);

        var fanOut = BoundedFanOut.ForEachAsync(queue.Reader, 2, async (item, _) =>
        {
            InterlockedMax(ref mostAtOnce, Interlocked.Increment(ref running));
            await release.Task;
            done.Add(item);
            Interlocked.Decrement(ref running);
        }, CancellationToken.None);

        // Two workers hold an item each and one waits in the channel: the fourth write waits for a worker.
        await queue.Writer.WriteAsync(0);
        await queue.Writer.WriteAsync(1);
        await Eventually.ValueAsync(() => Volatile.Read(ref running) == 2 ? "both workers busy" : null);
        await queue.Writer.WriteAsync(2);

        var fourth = queue.Writer.WriteAsync(3).AsTask();
        Assert.False(fourth.IsCompleted);
        release.SetResult(true);
        await fourth;
        queue.Writer.Complete();
        await fanOut;

        Assert.Equal(2, mostAtOnce);
        Assert.Equal(Enumerable.Range(0, 4), done.OrderBy(i => i));
    }

    [Fact]
    public void A_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = BoundedFanOut.ForEachAsync(new[] { 1 }, 0, (_, _) => Task.CompletedTask, CancellationToken.None); });
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
