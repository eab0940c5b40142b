using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.FakeArm.Tests;

public sealed class TlsTrustTests
{
    private static HttpClient DefaultValidationClient(FakeArmServer server)
    {
        // New handler each time: no pooled connection or TLS session can carry an earlier validation result over.
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }, disposeHandler: true) { BaseAddress = server.Endpoint };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "token");
        return client;
    }

    [Fact]
    public async Task Plain_HttpClient_fails_before_trust_and_succeeds_after()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        var url = "subscriptions/" + Scenarios.SubscriptionId + "?api-version=2022-12-01";

        using (var before = DefaultValidationClient(server))
        {
            var ex = await Assert.ThrowsAsync<HttpRequestException>(() => before.GetAsync(new Uri(url, UriKind.Relative)));
            Assert.IsType<AuthenticationException>(ex.InnerException);
        }

        using (TestCertificateTrust.TrustForCurrentUser(server.Certificate))
        {
            using var after = DefaultValidationClient(server);
            using var resp = await after.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(200, (int)resp.StatusCode);
        }

        using (var removed = DefaultValidationClient(server))
        {
            var ex = await Assert.ThrowsAsync<HttpRequestException>(() => removed.GetAsync(new Uri(url, UriKind.Relative)));
            Assert.IsType<AuthenticationException>(ex.InnerException);
        }
    }

    [Fact]
    public async Task Certificate_is_a_self_signed_CA_for_127_0_0_1_and_localhost_with_server_auth()
    {
        await using var server = await FakeArmServer.StartAsync(new ArmWorld());
        var cert = server.Certificate;
        Assert.True(cert.HasPrivateKey);
        Assert.Equal(cert.Subject, cert.Issuer);
        Assert.Equal(2048, cert.GetRSAPublicKey()!.KeySize);
        var bc = Assert.Single(cert.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension>());
        Assert.True(bc.CertificateAuthority);
        var eku = Assert.Single(cert.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509EnhancedKeyUsageExtension>());
        Assert.Contains(eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
        Assert.True(cert.MatchesHostname("127.0.0.1"));
        Assert.True(cert.MatchesHostname("localhost"));
        Assert.Equal("127.0.0.1", server.Endpoint.Host);
        Assert.Equal("https", server.Endpoint.Scheme);
    }
}
