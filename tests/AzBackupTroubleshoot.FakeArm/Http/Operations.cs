using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AzBackupTroubleshoot.FakeArm.Http;

/// <summary>A long-running operation: in progress for a number of polls, then it completes (running its change to the world).</summary>
internal sealed class LroOperation
{
    public required string Id { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public DateTimeOffset? EndTime { get; set; }

    /// <summary>InProgress, Succeeded, Failed.</summary>
    public string Status { get; set; } = "InProgress";

    public int Polls { get; set; }

    public int InProgressPolls { get; init; } = 1;

    /// <summary>Runs (under the world lock) when the operation completes; returns an error to fail the operation, or null.</summary>
    public Func<JsonObject?>? Complete { get; init; }

    public JsonObject? Error { get; set; }

    /// <summary>Job created by the operation (Recovery Services), if any.</summary>
    public string? JobId { get; set; }

    public bool Done => Status != "InProgress";
}

/// <summary>The server's long-running operations.</summary>
internal sealed class LroRegistry
{
    private readonly ConcurrentDictionary<string, LroOperation> _ops = new(StringComparer.OrdinalIgnoreCase);

    public LroOperation Start(DateTimeOffset now, int inProgressPolls, Func<JsonObject?>? complete)
    {
        var op = new LroOperation
        {
            Id = Guid.NewGuid().ToString(),
            StartTime = now,
            InProgressPolls = Math.Max(0, inProgressPolls),
            Complete = complete,
        };
        _ops[op.Id] = op;
        return op;
    }

    public LroOperation? Find(string id) => _ops.TryGetValue(id, out var op) ? op : null;

    /// <summary>One poll: stays in progress for the first polls, then completes. Call under the world lock.</summary>
    public static void Advance(LroOperation op, DateTimeOffset now)
    {
        if (op.Done)
        {
            return;
        }

        op.Polls++;
        if (op.Polls <= op.InProgressPolls)
        {
            return;
        }

        var error = op.Complete?.Invoke();
        op.Error = error;
        op.Status = error is null ? "Succeeded" : "Failed";
        op.EndTime = now;
    }

    /// <summary>The Azure-AsyncOperation body: { name, status, startTime, endTime?, error? }.</summary>
    public static JsonObject StatusBody(LroOperation op)
    {
        var o = new JsonObject
        {
            ["name"] = op.Id,
            ["status"] = op.Status,
            ["startTime"] = J.Time(op.StartTime),
        };
        if (op.EndTime is { } end)
        {
            o["endTime"] = J.Time(end);
        }

        if (op.Error is not null)
        {
            o["error"] = op.Error.DeepClone();
        }

        return o;
    }

    public static string RetryAfter(ArmRequest r) => r.Options.LroRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
}
