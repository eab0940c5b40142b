using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests;

/// <summary>A fake ARM on loopback (trusted through the test host's SSL_CERT_FILE, see FakeArmTrust), and a session connected to it through its metadata endpoint.</summary>
internal sealed class FakeArmSession : IAsyncDisposable
{
    /// <summary>The token the session borrows; it must never surface in a message.</summary>
    public const string Token = "eyJ0eXAi.SECRET-TOKEN-VALUE.sig";

    private FakeArmSession(FakeArmServer server, AzureSession session, ConcurrentQueue<string> scopes)
    {
        Server = server;
        Session = session;
        RequestedScopes = scopes;
    }

    public FakeArmServer Server { get; }

    public AzureSession Session { get; }

    public ConcurrentQueue<string> RequestedScopes { get; }

    public static async Task<FakeArmSession> StartAsync(
        ArmWorld world,
        FakeArmOptions? options = null,
        Action<ConnectionOptions>? configure = null,
        Func<TimeSpan, CancellationToken, Task>? retryWait = null)
    {
        var server = await FakeArmServer.StartAsync(world, options);
        var scopes = new ConcurrentQueue<string>();
        var connection = new ConnectionOptions
        {
            ArmEndpoint = server.Endpoint,
            MicrosoftGraphEndpoint = server.Endpoint,
            RetryDelay = TimeSpan.FromMilliseconds(20),
            ExternalTokenSource = (requested, _) =>
            {
                foreach (var scope in requested)
                {
                    scopes.Enqueue(scope);
                }

                return Task.FromResult((Token, DateTimeOffset.UtcNow.AddHours(1)));
            },
        };
        configure?.Invoke(connection);
        var session = await AzureSession.ConnectAsync(connection, retryWait, default);
        return new FakeArmSession(server, session, scopes);
    }

    public async ValueTask DisposeAsync()
    {
        Session.Dispose();
        await Server.DisposeAsync();
    }
}
