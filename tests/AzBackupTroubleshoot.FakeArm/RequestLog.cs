using System;
using System.Collections.Generic;
using System.Linq;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>One request the fake ARM answered.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path as sent (percent-decoded).</param>
/// <param name="Query">Query string including the leading '?', or empty.</param>
/// <param name="Body">Request body (text), or null when empty.</param>
/// <param name="Status">Status code sent.</param>
/// <param name="HasAuthorization">Whether an "Authorization: Bearer …" header was present.</param>
/// <param name="Timestamp">When the request arrived.</param>
/// <param name="ErrorCode">ARM error code of an error response, if any.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string? Body,
    int Status,
    bool HasAuthorization,
    DateTimeOffset Timestamp,
    string? ErrorCode)
{
    /// <summary>Path and query.</summary>
    public string PathAndQuery => Path + Query;

    /// <summary>Text form.</summary>
    public override string ToString() => $"{Method} {Path}{Query} -> {Status}{(ErrorCode is null ? "" : " " + ErrorCode)}";
}

/// <summary>Every request the server answered, in arrival order. Thread-safe.</summary>
public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _items = [];

    /// <summary>Number of recorded requests.</summary>
    public int Total
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>A copy of all recorded requests.</summary>
    public IReadOnlyList<RecordedRequest> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    /// <summary>Number of recorded requests matching <paramref name="predicate"/>.</summary>
    public int Count(Func<RecordedRequest, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (_gate)
        {
            return _items.Count(predicate);
        }
    }

    /// <summary>Recorded requests matching <paramref name="predicate"/>.</summary>
    public IReadOnlyList<RecordedRequest> Where(Func<RecordedRequest, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (_gate)
        {
            return [.. _items.Where(predicate)];
        }
    }

    /// <summary>
    /// The requests as "METHOD path", each run of long-running-operation polls (…/operations/, …/operationsStatus/,
    /// …/operationResults/) folded into one "POLL": the order of the writes without the number of polls.
    /// </summary>
    public IReadOnlyList<string> Steps()
    {
        var steps = new List<string>();
        foreach (var request in All)
        {
            var isPoll = request.Method == "GET"
                && (request.Path.Contains("/operations/", StringComparison.OrdinalIgnoreCase)
                    || request.Path.Contains("/operationsStatus/", StringComparison.OrdinalIgnoreCase)
                    || request.Path.Contains("/operationResults/", StringComparison.OrdinalIgnoreCase));
            if (!(isPoll && steps.Count > 0 && steps[^1] == "POLL"))
            {
                steps.Add(isPoll ? "POLL" : $"{request.Method} {request.Path}");
            }
        }

        return steps;
    }

    /// <summary>Forgets every recorded request.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }

    internal void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _items.Add(request);
        }
    }
}
