using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>
/// The fake's times hang off the clock of the process, which the code under test reads too, so no test depends on the
/// calendar: a scenario file is written as of its <c>asOf</c> instant and is moved to the present when it loads, and
/// worlds built in code count back from <see cref="Now"/>. CI also runs the suites with the clock moved far ahead.
/// </summary>
public static partial class WorldTime
{
    private static readonly AsyncLocal<DateTimeOffset?> Frozen = new();

    /// <summary>The present every world is relative to: the process clock, or the instant a test froze it at.</summary>
    public static DateTimeOffset Now => Frozen.Value ?? DateTimeOffset.UtcNow;

    /// <summary>
    /// Makes <see cref="Now"/> <paramref name="instant"/> for the calling flow until disposed, for tests that also give
    /// the code under test a fixed clock and assert exact times. The server's own clock is not affected.
    /// </summary>
    public static IDisposable Freeze(DateTimeOffset instant)
    {
        var before = Frozen.Value;
        Frozen.Value = instant;
        return new Thaw(before);
    }

    /// <summary>The instant <paramref name="span"/> before <see cref="Now"/>.</summary>
    public static DateTimeOffset Ago(TimeSpan span) => Now - span;

    /// <summary>
    /// Moves every ISO 8601 date-time string of a scenario document by the time between its <c>asOf</c> and
    /// <paramref name="now"/>, and makes <paramref name="now"/> its new <c>asOf</c>. A document without <c>asOf</c>
    /// must hold no date-times.
    /// </summary>
    public static void Rebase(JsonObject scenario, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var asOfText = scenario["asOf"]?.GetValue<string>();
        if (asOfText is null)
        {
            var stray = FirstDateTime(scenario);
            if (stray is not null)
            {
                throw new InvalidOperationException($"The scenario holds the time '{stray}' but no 'asOf': times are only meaningful relative to it.");
            }

            return;
        }

        var shift = now - DateTimeOffset.Parse(asOfText, CultureInfo.InvariantCulture);
        Shift(scenario, shift);
        scenario["asOf"] = now.ToString("O", CultureInfo.InvariantCulture);
    }

    private static void Shift(JsonNode node, TimeSpan shift)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToArray())
                {
                    if (TryDateTime(child, out var time))
                    {
                        obj[name] = (time + shift).ToString("O", CultureInfo.InvariantCulture);
                    }
                    else if (child is not null)
                    {
                        Shift(child, shift);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (TryDateTime(array[i], out var time))
                    {
                        array[i] = (time + shift).ToString("O", CultureInfo.InvariantCulture);
                    }
                    else if (array[i] is { } child)
                    {
                        Shift(child, shift);
                    }
                }

                break;
        }
    }

    private static string? FirstDateTime(JsonNode? node) => node switch
    {
        JsonObject obj => FirstIn(obj.Select(p => p.Value)),
        JsonArray array => FirstIn(array),
        _ => TryDateTime(node, out _) ? node!.GetValue<string>() : null,
    };

    private static string? FirstIn(System.Collections.Generic.IEnumerable<JsonNode?> nodes)
    {
        foreach (var n in nodes)
        {
            if (FirstDateTime(n) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static bool TryDateTime(JsonNode? node, out DateTimeOffset time)
    {
        time = default;
        return node is JsonValue value
            && value.TryGetValue<string>(out var text)
            && IsoDateTime().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private sealed class Thaw(DateTimeOffset? before) : IDisposable
    {
        public void Dispose() => Frozen.Value = before;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoDateTime();
}
