using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace AzBackupTroubleshoot.Engine.Tests.Harness;

/// <summary>
/// Proves the clock pass of CI really moves the clock: the kernel's boot time plus uptime (never faked) is the real
/// time, and the process clock must be off by exactly what AZBT_FAKE_CLOCK says (nothing when it is unset).
/// </summary>
public sealed class ClockTests
{
    [Fact]
    public void The_process_clock_is_moved_by_what_the_run_asked_for()
    {
        var requested = Environment.GetEnvironmentVariable("AZBT_FAKE_CLOCK");
        var expected = string.IsNullOrEmpty(requested)
            ? TimeSpan.Zero
            : TimeSpan.FromDays(double.Parse(requested.TrimStart('+').TrimEnd('d'), CultureInfo.InvariantCulture));
        var bootSeconds = long.Parse(File.ReadLines("/proc/stat").Single(l => l.StartsWith("btime ", StringComparison.Ordinal))["btime ".Length..], CultureInfo.InvariantCulture);
        var uptimeSeconds = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
        var real = DateTimeOffset.FromUnixTimeSeconds(bootSeconds).AddSeconds(uptimeSeconds);

        var offset = DateTimeOffset.UtcNow - real;

        Assert.True(Math.Abs((offset - expected).TotalHours) < 1, $"clock is {offset} off the real time; {expected} was asked for");
    }
}
