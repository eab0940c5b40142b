using System;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>How the fake ARM behaves beyond its world.</summary>
public sealed class FakeArmOptions
{
    /// <summary>Delay added before every response (default none).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>ARM-style token bucket throttling; none when null.</summary>
    public ThrottleOptions? Throttle { get; set; }

    /// <summary>Items per page of every paged list (default 50).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Retry-After (seconds) sent with long-running operation responses (default 0: poll at once).</summary>
    public int LroRetryAfterSeconds { get; set; }

    /// <summary>How many polls a long-running operation answers InProgress before it completes (default 1).</summary>
    public int LroInProgressPolls { get; set; } = 1;

    /// <summary>Answer 400 MissingApiVersionParameter when a request has no api-version (default true, as ARM does).</summary>
    public bool RequireApiVersion { get; set; } = true;

    /// <summary>
    /// Give this server a certificate of its own, with a new RSA key (0.5-1 s on a small machine), that no client trusts.
    /// By default all servers of a process present the one certificate the process trusts (<see cref="FakeArmTrust"/>).
    /// </summary>
    public bool FreshCertificateKey { get; set; }

    /// <summary>Holds requests until the test releases them, to see a client's rounds by count instead of by time.</summary>
    public RequestGate? Gate { get; set; }

    /// <summary>
    /// The token audience /metadata/endpoints names (a hostile endpoint asking for a Key Vault, Storage or Graph token);
    /// the server's own address when null.
    /// </summary>
    public string? MetadataAudience { get; set; }

    /// <summary>"Now" for durations of running jobs and operation times; the wall clock when null.</summary>
    public Func<DateTimeOffset>? Clock { get; set; }
}

/// <summary>Token bucket: every request takes a token; an empty bucket answers 429 with Retry-After.</summary>
public sealed class ThrottleOptions
{
    /// <summary>Bucket size (ARM: 250 reads per subscription and principal).</summary>
    public int Capacity { get; set; } = 250;

    /// <summary>Tokens added per second (ARM: 25).</summary>
    public double RefillPerSecond { get; set; } = 25;

    /// <summary>Time since the server started, for the refill; a monotonic stopwatch when null (tests move it by hand).</summary>
    public Func<TimeSpan>? Elapsed { get; set; }
}
