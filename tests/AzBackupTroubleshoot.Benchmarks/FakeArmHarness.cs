using System;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Benchmarks;

/// <summary>A fresh fake ARM per measurement (its token bucket starts full, as a quiet subscription's does), with a session on it.</summary>
internal sealed class FakeArmHarness : IAsyncDisposable
{
    private FakeArmHarness(FakeArmServer server, AzureSession session)
    {
        Server = server;
        Session = session;
    }

    public FakeArmServer Server { get; }

    public AzureSession Session { get; }

    public static async Task<FakeArmHarness> StartAsync(ArmWorld world, BenchmarkOptions options)
    {
        var server = await FakeArmServer.StartAsync(world, new FakeArmOptions
        {
            Latency = options.Latency,
            Throttle = options.Throttle ? new ThrottleOptions { Capacity = 250, RefillPerSecond = 25 } : null,
        });
        var session = await AzureSession.ConnectAsync(
            new ConnectionOptions
            {
                ArmEndpoint = server.Endpoint,
                MicrosoftGraphEndpoint = server.Endpoint,
                ExternalTokenSource = (_, _) => Task.FromResult(("benchmark-token", DateTimeOffset.UtcNow.AddHours(1))),
            },
            default);
        return new FakeArmHarness(server, session);
    }

    public async ValueTask DisposeAsync()
    {
        Session.Dispose();
        await Server.DisposeAsync();
    }
}
