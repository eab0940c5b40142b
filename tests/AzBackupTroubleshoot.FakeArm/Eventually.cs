using System;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>
/// Waits for something another thread makes true (a request logged, requests held). The limit only bounds a failing
/// test; nothing is asserted about how long it took.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>The first non-null value of <paramref name="probe"/>; fails after the limit.</summary>
    public static async Task<T> ValueAsync<T>(Func<T?> probe, string? what = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        var giveUp = DateTimeOffset.UtcNow + Limit;
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > giveUp)
            {
                throw new TimeoutException("Never happened: " + (what ?? "the awaited value"));
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }
}
