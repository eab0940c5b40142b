using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>
/// A fault injected for requests whose method and path match: an ARM error response with <see cref="Status"/> and
/// <see cref="ErrorCode"/>, or (with <see cref="Hang"/>) no answer at all until the client gives up, or a hostile answer:
/// a raw <see cref="Body"/> (HTML, broken JSON) or a list page whose nextLink goes round (<see cref="NextLinkCycle"/>). With
/// <see cref="ApplyFirst"/> the request changes the world before the fault answers: a change committed whose answer was lost.
/// </summary>
public sealed class FaultRule
{
    private readonly int? _timesSet;
    private int _hits;
    private int _remaining;

    /// <summary>A rule for <paramref name="method"/> (null: any) and paths matching <paramref name="pathPattern"/> (a case-insensitive regex on the decoded path).</summary>
    public FaultRule(string? method, string pathPattern)
    {
        ArgumentNullException.ThrowIfNull(pathPattern);
        Method = method;
        PathPattern = new Regex(pathPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        _remaining = -1;
    }

    /// <summary>HTTP method, or null for any.</summary>
    public string? Method { get; }

    /// <summary>Path regex.</summary>
    public Regex PathPattern { get; }

    /// <summary>Status code to answer (default 500).</summary>
    public int Status { get; init; } = 500;

    /// <summary>ARM error code (default InternalServerError).</summary>
    public string ErrorCode { get; init; } = "InternalServerError";

    /// <summary>Error message; {path} and {method} are replaced. A default message per code when null.</summary>
    public string? Message { get; init; }

    /// <summary>Retry-After seconds to send (429 and 503 get 1 when null).</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Never answer (until the client cancels or the server stops).</summary>
    public bool Hang { get; init; }

    /// <summary>Answer <see cref="Status"/> with this body as it is (no ARM error envelope), as <see cref="ContentType"/>.</summary>
    public string? Body { get; init; }

    /// <summary>Content type of <see cref="Body"/> (default application/json).</summary>
    public string ContentType { get; init; } = "application/json; charset=utf-8";

    /// <summary>
    /// Answer 200 with an empty list page whose nextLink is this request's URL with $skiptoken advanced modulo this
    /// number: 1 links each page to itself, 2 makes a cycle of two pages, and so on.
    /// </summary>
    public int? NextLinkCycle { get; init; }

    /// <summary>Serve the request first (a DELETE deletes, a PUT writes), then answer with the fault instead of its answer.</summary>
    public bool ApplyFirst { get; init; }

    /// <summary>Close the connection without any answer instead of sending <see cref="Status"/>.</summary>
    public bool DropConnection { get; init; }

    /// <summary>Fire this many times, then let requests pass; always when null.</summary>
    public int? Times
    {
        get => _timesSet;
        init
        {
            _timesSet = value;
            _remaining = value ?? -1;
        }
    }

    /// <summary>How many requests this rule has answered.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Waits until the rule has caught a request (a hung one then waits in the fake until cancelled).</summary>
    public Task WaitForHitAsync() => Eventually.ValueAsync(() => Hits > 0 ? this : null, "a request reaching " + this);

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) && PathPattern.IsMatch(path);

    /// <summary>Takes one use of the rule; false when it is used up.</summary>
    internal bool TryUse()
    {
        if (_timesSet is null)
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        while (true)
        {
            var r = Volatile.Read(ref _remaining);
            if (r <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, r - 1, r) == r)
            {
                Interlocked.Increment(ref _hits);
                return true;
            }
        }
    }

    /// <summary>Text form.</summary>
    public override string ToString() =>
        $"{Method ?? "*"} {PathPattern} -> {(ApplyFirst ? "apply, then " : "")}{(Hang ? "hang" : DropConnection ? "drop the connection" : NextLinkCycle is { } cycle ? "nextLink cycle of " + cycle : Body is not null ? Status + " raw body" : Status + " " + ErrorCode)} ({(Times is null ? "always" : Times + " times")}, {Hits} hits)";
}

/// <summary>Faults injected at run time. Rules are tried in the order added; the first that matches and is not used up fires.</summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = [];
    private int _tooManyRequests;

    /// <summary>The current rules.</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules];
            }
        }
    }

    /// <summary>Every 429 the server sent, from rules or from the token bucket.</summary>
    public int TooManyRequestsSent => Volatile.Read(ref _tooManyRequests);

    /// <summary>Adds a rule.</summary>
    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>Answers <paramref name="status"/> with ARM error <paramref name="errorCode"/>.</summary>
    public FaultRule Respond(string? method, string pathPattern, int status, string errorCode, string? message = null, int? times = null) =>
        Add(new FaultRule(method, pathPattern) { Status = status, ErrorCode = errorCode, Message = message, Times = times });

    /// <summary>403 AuthorizationFailed naming <paramref name="action"/> (e.g. Microsoft.Compute/virtualMachines/read).</summary>
    public FaultRule Forbidden(string? method, string pathPattern, string action, int? times = null) =>
        Add(new FaultRule(method, pathPattern)
        {
            Status = 403,
            ErrorCode = "AuthorizationFailed",
            Message = "The client '" + FakeArmServer.CallerObjectId + "' with object id '" + FakeArmServer.CallerObjectId + "' does not have authorization to perform action '"
                + action + "' over scope '{path}' or the scope is invalid. If access was recently granted, please refresh your credentials.",
            Times = times,
        });

    /// <summary>429 with Retry-After.</summary>
    public FaultRule TooManyRequests(string? method, string pathPattern, int retryAfterSeconds = 1, int? times = null) =>
        Add(new FaultRule(method, pathPattern) { Status = 429, ErrorCode = "SubscriptionRequestsThrottled", RetryAfterSeconds = retryAfterSeconds, Times = times });

    /// <summary>Never answers matching requests.</summary>
    public FaultRule Hang(string? method, string pathPattern, int? times = null) =>
        Add(new FaultRule(method, pathPattern) { Hang = true, Times = times });

    /// <summary>Answers <paramref name="body"/> as it is, e.g. an HTML page or truncated JSON with status 200.</summary>
    public FaultRule RawBody(string? method, string pathPattern, string body, string contentType = "application/json; charset=utf-8", int status = 200, int? times = null) =>
        Add(new FaultRule(method, pathPattern) { Status = status, Body = body, ContentType = contentType, Times = times });

    /// <summary>Answers list pages whose nextLink goes round a cycle of <paramref name="length"/> pages (1: each page links to itself).</summary>
    public FaultRule NextLinkCycle(string? method, string pathPattern, int length = 1, int? times = null) =>
        Add(new FaultRule(method, pathPattern) { Status = 200, NextLinkCycle = Math.Max(1, length), Times = times });

    /// <summary>Serves matching requests (the change happens), then answers <paramref name="status"/> instead: a committed change whose answer was lost.</summary>
    public FaultRule FailAfterApplying(string? method, string pathPattern, int status = 500, int? times = null) =>
        Add(new FaultRule(method, pathPattern) { ApplyFirst = true, Status = status, ErrorCode = status == 503 ? "ServiceUnavailable" : "InternalServerError", Times = times });

    /// <summary>Serves matching requests (the change happens), then closes the connection without an answer.</summary>
    public FaultRule DropAfterApplying(string? method, string pathPattern, int? times = null) =>
        Add(new FaultRule(method, pathPattern) { ApplyFirst = true, DropConnection = true, Times = times });

    /// <summary>Removes a rule.</summary>
    public bool Remove(FaultRule rule)
    {
        lock (_gate)
        {
            return _rules.Remove(rule);
        }
    }

    /// <summary>Removes every rule (the 429 count stays).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    internal FaultRule? Match(string method, string path)
    {
        FaultRule[] rules;
        lock (_gate)
        {
            rules = [.. _rules];
        }

        return rules.FirstOrDefault(r => r.Matches(method, path) && r.TryUse());
    }

    internal void CountTooManyRequests() => Interlocked.Increment(ref _tooManyRequests);
}
