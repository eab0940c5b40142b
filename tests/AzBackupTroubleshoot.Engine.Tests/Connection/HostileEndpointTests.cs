using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Authentication;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Tests.Collection;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests.Connection;

/// <summary>A custom endpoint that asks for someone else's token, or whose certificate is not trusted, is refused at once.</summary>
public class HostileEndpointTests
{
    [Theory]
    [InlineData("https://vault.azure.net")]
    [InlineData("https://storage.azure.com/")]
    [InlineData("https://graph.microsoft.com")]
    public async Task A_metadata_audience_that_is_not_a_management_audience_is_refused_and_no_token_is_asked_for_it(string audience)
    {
        var (world, vm, _, _) = TestWorlds.Protected();
        var warnings = new ConcurrentQueue<string>();
        var error = await Assert.ThrowsAsync<ArmAudienceRefusedException>(async () =>
        {
            await using var fake = await FakeArmSession.StartAsync(world, new FakeArmOptions { MetadataAudience = audience }, c => c.Warning = warnings.Enqueue);
            await new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(vm), default);
        });

        Assert.Contains(audience, error.Message, StringComparison.Ordinal);
        Assert.Contains("-ArmAudience", error.Message, StringComparison.Ordinal);
        Assert.Contains(warnings, w => w.Contains("not a known Azure cloud", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_token_is_asked_for_a_refused_audience()
    {
        var (world, _, _, _) = TestWorlds.Protected();
        await using var server = await FakeArmServer.StartAsync(world, new FakeArmOptions { MetadataAudience = "https://vault.azure.net" });
        var scopes = new ConcurrentQueue<string>();
        var options = new ConnectionOptions
        {
            ArmEndpoint = server.Endpoint,
            ExternalTokenSource = (requested, _) =>
            {
                foreach (var scope in requested)
                {
                    scopes.Enqueue(scope);
                }

                return Task.FromResult((FakeArmSession.Token, DateTimeOffset.UtcNow.AddHours(1)));
            },
        };

        await Assert.ThrowsAsync<ArmAudienceRefusedException>(() => AzureSession.ConnectAsync(options, default));

        Assert.Empty(scopes);
        Assert.All(server.Requests.All, r => Assert.False(r.HasAuthorization));
    }

    [Fact]
    public async Task An_audience_the_user_names_is_the_one_tokens_are_asked_for()
    {
        const string azureStackAudience = "https://management.adfs.azurestack.local/4de154de-f8a8-4017-af41-df619da68155";
        var (world, vm, _, _) = TestWorlds.Protected();
        await using var fake = await FakeArmSession.StartAsync(world, new FakeArmOptions { MetadataAudience = azureStackAudience }, c => c.ArmAudience = azureStackAudience);

        await new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(vm), default);

        Assert.Contains(azureStackAudience + "/.default", fake.RequestedScopes);
        Assert.DoesNotContain(fake.RequestedScopes, s => s.StartsWith(fake.Server.Endpoint.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_untrusted_certificate_fails_the_first_request_at_once_saying_so()
    {
        var (world, _, _, _) = TestWorlds.Protected();
        await using var untrusted = await FakeArmServer.StartAsync(world, new FakeArmOptions { FreshCertificateKey = true });
        var options = new ConnectionOptions
        {
            ArmEndpoint = untrusted.Endpoint,
            RetryDelay = TimeSpan.FromMilliseconds(20),
            ExternalTokenSource = (_, _) => Task.FromResult((FakeArmSession.Token, DateTimeOffset.UtcNow.AddHours(1))),
        };

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => AzureSession.ConnectAsync(options, default));

        Assert.Contains("TLS certificate of 127.0.0.1 failed validation", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, untrusted.ConnectionsAccepted);
        Assert.Empty(untrusted.Requests.All);
    }
}
