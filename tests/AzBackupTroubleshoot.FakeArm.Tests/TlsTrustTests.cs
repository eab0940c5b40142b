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
    public async Task The_process_trusts_the_shared_certificate_through_its_own_SSL_CERT_FILE_and_no_store()
    {
        var trustFile = FakeArmTrust.TrustFile;
        Assert.True(trustFile is not null, "The test host was started without the runsettings that tests/Directory.Build.targets writes.");
        await using var trusted = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        await using var untrusted = await FakeArmServer.StartAsync(new ArmWorld(), new FakeArmOptions { FreshCertificateKey = true });
        var url = new Uri("subscriptions/" + Scenarios.SubscriptionId + "?api-version=2022-12-01", UriKind.Relative);

        Assert.Contains(trusted.Certificate.ExportCertificatePem(), System.IO.File.ReadAllText(trustFile), StringComparison.Ordinal);
        using (var client = DefaultValidationClient(trusted))
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(200, (int)response.StatusCode);
        }

        using (var client = DefaultValidationClient(untrusted))
        {
            var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(url));
            Assert.IsType<AuthenticationException>(ex.InnerException);
        }

        // The user's store is the one that outlives the process (LocalMachine\Root on Linux is SSL_CERT_FILE itself).
        using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly);
        Assert.DoesNotContain(store.Certificates.Cast<X509Certificate2>(), c => c.Thumbprint == trusted.Certificate.Thumbprint);
    }

    [Fact]
    public async Task Certificate_is_a_self_signed_CA_for_127_0_0_1_and_localhost_with_server_auth()
    {
        await using var server = await FakeArmServer.StartAsync(new ArmWorld(), new FakeArmOptions { FreshCertificateKey = true });
        await using var other = await FakeArmServer.StartAsync(new ArmWorld());
        await using var third = await FakeArmServer.StartAsync(new ArmWorld());
        Assert.NotEqual(server.Certificate.Subject, other.Certificate.Subject);
        Assert.NotEqual(server.Certificate.SerialNumber, other.Certificate.SerialNumber);
        Assert.Equal(other.Certificate.Thumbprint, third.Certificate.Thumbprint);
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
