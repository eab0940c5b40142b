using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>
/// A fake Azure Resource Manager on https://127.0.0.1:&lt;port&gt;/ serving an <see cref="ArmWorld"/>. Every request needs
/// "Authorization: Bearer …" (any token); any api-version is accepted; responses have the real ARM shapes.
/// </summary>
public sealed class FakeArmServer : IAsyncDisposable
{
    /// <summary>Object id the fake names as the caller in AuthorizationFailed and throttling messages.</summary>
    public const string CallerObjectId = "5f2b8c1d-3e4a-4b6c-9d7e-8f0a1b2c3d4e";

    private static readonly Router Routes = BuildRouter();

    /// <summary>The status recorded for a request whose connection was closed without an answer.</summary>
    public const int DroppedStatus = 0;

    private readonly CancellationTokenSource _stopping = new();
    private readonly TokenBucket? _bucket;
    private WebApplication? _app;
    private int _disposed;
    private int _inFlight;
    private int _connections;

    private FakeArmServer(ArmWorld world, FakeArmOptions options, X509Certificate2 certificate)
    {
        World = world;
        Options = options;
        Certificate = certificate;
        if (options.Throttle is { } t)
        {
            _bucket = new TokenBucket(t.Capacity, t.RefillPerSecond, t.Elapsed);
        }
    }

    /// <summary>https://127.0.0.1:&lt;port&gt;/</summary>
    public Uri Endpoint { get; private set; } = new("https://127.0.0.1/");

    /// <summary>The world served; DELETE and PUT requests change it. Change it yourself through <see cref="ArmWorld.Update"/>.</summary>
    public ArmWorld World { get; }

    /// <summary>TCP connections accepted, counted before the TLS handshake (a client that refuses the certificate sends no request).</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _connections);

    /// <summary>Every request answered.</summary>
    public RequestLog Requests { get; } = new();

    /// <summary>Faults injected at run time.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>The server's self-signed certificate: the process-wide one (see <see cref="FakeArmTrust"/>) or a fresh, untrusted one.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The options the server was started with.</summary>
    public FakeArmOptions Options { get; }

    internal LroRegistry Operations { get; } = new();

    internal DateTimeOffset Now => Options.Clock?.Invoke() ?? DateTimeOffset.UtcNow;

    /// <summary>Starts a server for <paramref name="world"/> on a free loopback port.</summary>
    public static async Task<FakeArmServer> StartAsync(ArmWorld world, FakeArmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        world.Link();
        options ??= new FakeArmOptions();
        // The trusted certificate is made (and written to the trust file) before any server can be connected to, fresh-key
        // ones included: .NET reads SSL_CERT_FILE once, at the first validation in the process.
        var trusted = FakeArmTrust.Certificate;
        var server = new FakeArmServer(world, options, options.FreshCertificateKey ? ServerCertificate.Create() : trusted);
        try
        {
            await server.StartCoreAsync().ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    private async Task StartCoreAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.Use(next => connection =>
                {
                    Interlocked.Increment(ref _connections);
                    return next(connection);
                });
                listen.UseHttps(Certificate);
            });
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        _app = app;
        await app.StartAsync().ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel did not report its address.");
        var port = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Port;
        Endpoint = new Uri("https://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");
    }

    /// <summary>Stops the server (hung requests are released) and disposes a certificate of its own.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            try
            {
                await _app.StopAsync().ConfigureAwait(false);
            }
            finally
            {
                await _app.DisposeAsync().ConfigureAwait(false);
            }
        }

        _stopping.Dispose();
        if (Options.FreshCertificateKey)
        {
            Certificate.Dispose();
        }
    }

    private static Router BuildRouter()
    {
        var r = new Router();
        ResourceManagerApi.Register(r);
        GenericResourcesApi.Register(r);
        ComputeApi.Register(r);
        KeyVaultApi.Register(r);
        RecoveryServicesApi.Register(r);
        return r;
    }

    /// <summary>Requests received and not yet answered (or given up).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    private async Task HandleAsync(HttpContext ctx)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await HandleCoreAsync(ctx).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleCoreAsync(HttpContext ctx)
    {
        var arrived = Now;
        var path = ctx.Request.Path.Value ?? "/";
        var query = ctx.Request.QueryString.Value ?? "";
        var auth = ctx.Request.Headers.Authorization.ToString();
        var hasAuth = auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && auth.Length > "Bearer ".Length;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _stopping.Token);
        string? body = null;
        ArmResponse response;
        try
        {
            if (ctx.Request.ContentLength is > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
            {
                using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
                body = await reader.ReadToEndAsync(linked.Token).ConfigureAwait(false);
                if (body.Length == 0)
                {
                    body = null;
                }
            }

            if (Options.Latency > TimeSpan.Zero)
            {
                await Task.Delay(Options.Latency, linked.Token).ConfigureAwait(false);
            }

            if (Options.Gate is { } gate)
            {
                await gate.PassAsync(ctx.Request.Method + " " + path, linked.Token).ConfigureAwait(false);
            }

            response = await DecideAsync(ctx, path, body, hasAuth, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (or the server is stopping) while the request hung or waited.
            Requests.Add(new RecordedRequest(ctx.Request.Method, path, query, body, 499, hasAuth, arrived, "ClientClosedRequest"));
            return;
        }

        Requests.Add(new RecordedRequest(ctx.Request.Method, path, query, body, response.Status, hasAuth, arrived, response.ErrorCode));
        if (response.Status == DroppedStatus)
        {
            ctx.Abort();
            return;
        }

        await WriteAsync(ctx, response).ConfigureAwait(false);
    }

    /// <summary>
    /// An App Service style managed identity endpoint (IDENTITY_ENDPOINT / IDENTITY_HEADER), so -Identity can be
    /// tested without the instance metadata service, which lives off loopback.
    /// </summary>
    private static ArmResponse ManagedIdentityToken(HttpContext ctx)
    {
        if (string.IsNullOrEmpty(ctx.Request.Headers["X-IDENTITY-HEADER"].ToString()))
        {
            return ArmResponse.Error(400, "MissingIdentityHeader", "The X-IDENTITY-HEADER header is missing.");
        }

        var resource = ctx.Request.Query["resource"].ToString();
        return ArmResponse.Ok(new System.Text.Json.Nodes.JsonObject
        {
            ["access_token"] = "fake-managed-identity-token",
            ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = ctx.Request.Query["client_id"].ToString(),
        });
    }

    private async Task<ArmResponse> DecideAsync(HttpContext ctx, string path, string? body, bool hasAuth, CancellationToken cancel)
    {
        var method = ctx.Request.Method;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var isMetadata = segments.Length == 2 && segments[0].Equals("metadata", StringComparison.OrdinalIgnoreCase)
            && segments[1].Equals("endpoints", StringComparison.OrdinalIgnoreCase);

        if (segments.Length == 2 && segments[0].Equals("msi", StringComparison.OrdinalIgnoreCase) && segments[1].Equals("token", StringComparison.OrdinalIgnoreCase))
        {
            return ManagedIdentityToken(ctx);
        }

        if (!hasAuth && !isMetadata)
        {
            return ArmResponse.Error(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.")
                .WithHeader("WWW-Authenticate",
                    $"Bearer authorization_uri=\"https://login.microsoftonline.com/{World.TenantId}\", error=\"invalid_token\", error_description=\"The authentication failed because of missing 'Authorization' header.\"");
        }

        var subscriptionId = segments.Length >= 2 && segments[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) ? segments[1] : World.Subscriptions.FirstOrDefault()?.SubscriptionId ?? "";
        var kind = method.ToUpperInvariant() switch
        {
            "GET" or "HEAD" => "reads",
            "DELETE" => "deletes",
            _ => "writes",
        };
        var remaining = -1;
        if (_bucket is not null)
        {
            if (!_bucket.TryTake(out remaining, out var wait))
            {
                Faults.CountTooManyRequests();
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                return Throttled(subscriptionId, kind, seconds);
            }
        }

        var fault = Faults.Match(method, path);
        if (fault is not null)
        {
            if (fault.Hang)
            {
                await Task.Delay(Timeout.Infinite, cancel).ConfigureAwait(false);
            }

            if (fault.ApplyFirst)
            {
                Dispatch(ctx, method, path, segments, body, isMetadata);
            }

            return fault.DropConnection
                ? new ArmResponse { Status = DroppedStatus, ErrorCode = "ConnectionDropped" }
                : FaultResponse(fault, ctx, method, path, subscriptionId, kind);
        }

        var resp = Dispatch(ctx, method, path, segments, body, isMetadata);
        if (remaining >= 0 || kind == "reads")
        {
            resp.Headers["x-ms-ratelimit-remaining-subscription-" + kind] = (remaining >= 0 ? remaining : 249).ToString(CultureInfo.InvariantCulture);
        }

        return resp;
    }

    private ArmResponse Throttled(string subscriptionId, string kind, int seconds)
    {
        var verb = kind == "reads" ? "read" : kind == "deletes" ? "delete" : "write";
        return ArmResponse.Error(429, "SubscriptionRequestsThrottled",
                $"Number of '{verb}' requests for subscription '{subscriptionId}' actor '{CallerObjectId}' exceeded. Please try again after '{seconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling")
            .WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture))
            .WithHeader("x-ms-ratelimit-remaining-subscription-" + kind, "0");
    }

    private ArmResponse FaultResponse(FaultRule fault, HttpContext ctx, string method, string path, string subscriptionId, string kind)
    {
        if (fault.NextLinkCycle is { } cycle)
        {
            var token = int.TryParse(ctx.Request.Query["$skiptoken"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
            var query = ctx.Request.Query
                .Where(kv => !kv.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase))
                .SelectMany(kv => kv.Value.Select(v => Uri.EscapeDataString(kv.Key).Replace("%24", "$", StringComparison.Ordinal) + "=" + Uri.EscapeDataString(v ?? "")))
                .Append("$skiptoken=" + ((token + 1) % cycle).ToString(CultureInfo.InvariantCulture));
            var next = Endpoint.ToString().TrimEnd('/') + ctx.Request.Path.ToUriComponent() + "?" + string.Join("&", query);
            return ArmResponse.Ok(new System.Text.Json.Nodes.JsonObject { ["value"] = new System.Text.Json.Nodes.JsonArray(), ["nextLink"] = next });
        }

        if (fault.Body is not null)
        {
            return new ArmResponse { Status = fault.Status, RawBody = fault.Body, ContentType = fault.ContentType, ErrorCode = "RawBody" };
        }

        if (fault.Status == 429)
        {
            Faults.CountTooManyRequests();
            var t = Throttled(subscriptionId, kind, fault.RetryAfterSeconds ?? 1);
            if (fault.Message is null && fault.ErrorCode == "SubscriptionRequestsThrottled")
            {
                return t;
            }

            var custom = ArmResponse.Error(429, fault.ErrorCode, Expand(fault.Message ?? "Too many requests.", method, path));
            foreach (var h in t.Headers)
            {
                custom.Headers[h.Key] = h.Value;
            }

            return custom;
        }

        var message = fault.Message ?? fault.ErrorCode switch
        {
            "ScopeLocked" => $"The scope '{path}' cannot perform {(method == "DELETE" ? "delete" : "write")} operation because following scope(s) are locked: '{path}'. Please remove the lock and try again.",
            "InternalServerError" => "Encountered internal server error. Diagnostic information: timestamp '" + Now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "', subscription id '" + subscriptionId + "'.",
            "ServiceUnavailable" => "The service is temporarily unavailable. Please try again later.",
            _ => $"Injected fault {fault.Status} {fault.ErrorCode} for {method} {path}.",
        };
        var resp = ArmResponse.Error(fault.Status, fault.ErrorCode, Expand(message, method, path));
        if (fault.RetryAfterSeconds is { } ra)
        {
            resp.Headers["Retry-After"] = ra.ToString(CultureInfo.InvariantCulture);
        }
        else if (fault.Status == 503)
        {
            resp.Headers["Retry-After"] = "1";
        }

        return resp;
    }

    private static string Expand(string message, string method, string path) =>
        message.Replace("{path}", path, StringComparison.Ordinal).Replace("{method}", method, StringComparison.Ordinal);

    private ArmResponse Dispatch(HttpContext ctx, string method, string path, string[] segments, string? body, bool isMetadata)
    {
        var handler = AuthorizationApi.Route(segments, out _, out _, out _);
        var isGraph = false;
        System.Collections.Generic.Dictionary<string, string>? values = null;
        if (handler is null)
        {
            handler = GraphApi.Route(segments);
            isGraph = handler is not null;
        }

        if (handler is null)
        {
            var (h, v, pathKnown) = Routes.Match(method, segments);
            if (h is null)
            {
                return pathKnown
                    ? ArmResponse.Error(405, "MethodNotAllowed", $"The requested resource does not support http method '{method}'.")
                    : NotFound(segments, path);
            }

            handler = h;
            values = v;
        }

        if (Options.RequireApiVersion && !isMetadata && !isGraph && ctx.Request.Query["api-version"].Count == 0)
        {
            return ArmResponse.Error(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
        }

        var request = new ArmRequest(ctx, this, path, body, values ?? new System.Collections.Generic.Dictionary<string, string>());
        try
        {
            lock (World.SyncRoot)
            {
                return handler(request);
            }
        }
#pragma warning disable CA1031 // A bug in a handler must reach the test as a 500, not kill the connection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return ArmResponse.Error(500, "InternalServerError", "FakeArm handler failed: " + e);
        }
    }

    /// <summary>404 for a path no route serves: the missing subscription or resource group when that is what is missing.</summary>
    private ArmResponse NotFound(string[] segments, string path)
    {
        lock (World.SyncRoot)
        {
            if (segments.Length >= 2 && segments[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase))
            {
                var sub = World.FindSubscription(segments[1]);
                if (sub is null)
                {
                    return ArmErrors.SubscriptionNotFound(segments[1]);
                }

                if (segments.Length >= 4 && segments[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase))
                {
                    if (sub.FindResourceGroup(segments[3]) is null)
                    {
                        return ArmErrors.ResourceGroupNotFound(segments[3]);
                    }

                    if (segments.Length >= 8 && segments[4].Equals("providers", StringComparison.OrdinalIgnoreCase))
                    {
                        return ArmErrors.ResourceNotFound(segments[5] + "/" + segments[6], string.Join('/', segments[7..]), segments[3]);
                    }
                }
            }
        }

        return ArmErrors.NotFound(path);
    }

    private static async Task WriteAsync(HttpContext ctx, ArmResponse response)
    {
        var res = ctx.Response;
        res.StatusCode = response.Status;
        var correlation = ctx.Request.Headers["x-ms-correlation-request-id"].ToString();
        var requestId = Guid.NewGuid().ToString();
        res.Headers["x-ms-request-id"] = requestId;
        res.Headers["x-ms-correlation-request-id"] = string.IsNullOrEmpty(correlation) ? requestId : correlation;
        var clientRequestId = ctx.Request.Headers["x-ms-client-request-id"].ToString();
        if (!string.IsNullOrEmpty(clientRequestId))
        {
            res.Headers["x-ms-client-request-id"] = clientRequestId;
        }

        foreach (var h in response.Headers)
        {
            res.Headers[h.Key] = h.Value;
        }

        res.Headers.CacheControl = "no-cache";
        if ((response.Body is null && response.RawBody is null) || HttpMethods.IsHead(ctx.Request.Method))
        {
            res.ContentLength = 0;
            return;
        }

        var bytes = response.RawBody is { } raw ? Encoding.UTF8.GetBytes(raw) : JsonSerializer.SerializeToUtf8Bytes(response.Body);
        res.ContentType = response.ContentType;
        res.ContentLength = bytes.Length;
        try
        {
            await res.Body.WriteAsync(bytes, ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client went away while the body was written.
        }
    }
}
