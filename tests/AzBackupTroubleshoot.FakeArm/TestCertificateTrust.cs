using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>
/// Makes a certificate a trusted root for this user, so that clients that validate TLS with the OS trust store accept
/// the fake ARM. On Linux .NET treats CurrentUser\Root (~/.dotnet/corefx/cryptography/x509stores/root) as extra trusted
/// roots for X509Chain and so for SslStream/HttpClient; on Windows adding to CurrentUser\Root shows a confirmation dialog.
/// </summary>
public static class TestCertificateTrust
{
    /// <summary>Adds the public part of <paramref name="cert"/> to CurrentUser\Root; disposing removes it.</summary>
    public static IDisposable TrustForCurrentUser(X509Certificate2 cert)
    {
        ArgumentNullException.ThrowIfNull(cert);
        var publicOnly = X509CertificateLoader.LoadCertificate(cert.RawData);
        using (var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser))
        {
            store.Open(OpenFlags.ReadWrite);
            store.Add(publicOnly);
        }

        return new Trust(publicOnly);
    }

    private sealed class Trust(X509Certificate2 cert) : IDisposable
    {
        private X509Certificate2? _cert = cert;

        public void Dispose()
        {
            var c = System.Threading.Interlocked.Exchange(ref _cert, null);
            if (c is null)
            {
                return;
            }

            using (var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser))
            {
                store.Open(OpenFlags.ReadWrite);
                store.Remove(c);
            }

            c.Dispose();
        }
    }
}

/// <summary>Makes the server certificate.</summary>
internal static class ServerCertificate
{
    /// <summary>Self-signed RSA 2048, SAN IP 127.0.0.1 + DNS localhost, serverAuth, CA basic constraints (so it can be a trusted root).</summary>
    public static X509Certificate2 Create()
    {
        using var rsa = RSA.Create(2048);
        var subject = new X500DistinguishedName("CN=AzBackupTroubleshoot FakeArm, O=Test " + Guid.NewGuid().ToString("N")[..12]);
        var req = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, critical: true));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        req.CertificateExtensions.Add(san.Build());
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, critical: false));

        var now = DateTimeOffset.UtcNow;
        using var ephemeral = req.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), password: null);
    }
}
