using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>
/// Trust in the fake ARM lives only in the test process and the children it starts, never in a certificate store. The
/// test host's runsettings (written by tests/Directory.Build.targets) set <c>SSL_CERT_FILE</c>, the trusted roots that
/// .NET reads through OpenSSL on Linux, to a file in the test output folder, and name the same file in
/// <see cref="TrustFileVariable"/>. The first fake server of the process writes the process-wide certificate that all
/// its servers share into that file, before any client has validated anything, so every client in the process (the
/// real Azure SDK included) and every child process that inherits the environment trusts the fake, and nothing else
/// does. A server started with <see cref="FakeArmOptions.FreshCertificateKey"/> gets a certificate nobody trusts.
/// </summary>
public static class FakeArmTrust
{
    /// <summary>Names the file the process-wide certificate is written to; the same file must be SSL_CERT_FILE.</summary>
    public const string TrustFileVariable = "AZBT_FAKE_ARM_TRUST_FILE";

    private static readonly Lazy<X509Certificate2> Shared = new(CreateTrusted, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The file this process trusts the fake through, or null when the process was not started for it.</summary>
    public static string? TrustFile
    {
        get
        {
            var file = Environment.GetEnvironmentVariable(TrustFileVariable);
            return !string.IsNullOrEmpty(file) && string.Equals(file, Environment.GetEnvironmentVariable("SSL_CERT_FILE"), StringComparison.Ordinal)
                ? file
                : null;
        }
    }

    /// <summary>The certificate every fake server of this process presents (unless it asked for a fresh key).</summary>
    internal static X509Certificate2 Certificate => Shared.Value;

    /// <summary>Writes the public part of <paramref name="certificate"/> as PEM, for a child process's SSL_CERT_FILE.</summary>
    public static void WritePem(X509Certificate2 certificate, string path)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
    }

    private static X509Certificate2 CreateTrusted()
    {
        var certificate = ServerCertificate.Create();
        // Only into a file named by both variables: a developer's own SSL_CERT_FILE (a real CA bundle) is never written.
        if (TrustFile is { } file)
        {
            WritePem(certificate, file);
        }

        return certificate;
    }
}

/// <summary>Makes the server certificate.</summary>
internal static class ServerCertificate
{
    /// <summary>Self-signed RSA 2048, SAN IP 127.0.0.1 + DNS localhost, serverAuth, CA basic constraints (so it can be a trusted root).</summary>
    public static X509Certificate2 Create()
    {
        // Making an RSA 2048 key takes 0.5-1 s on a small machine: done once for the shared certificate, and once more
        // for each server that asks for a fresh (untrusted) one.
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
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        var generator = X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1);
        using var unsigned = req.Create(subject, generator, now.AddDays(-1), now.AddDays(30), serial);
        using var ephemeral = unsigned.CopyWithPrivateKey(rsa);

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), password: null);
    }
}
