using System;
using System.Diagnostics;
using System.IO;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Benchmarks;

/// <summary>
/// The benchmark trusts the fake ARM as the test hosts do (<see cref="FakeArmTrust"/>): only inside its own process,
/// through SSL_CERT_FILE, which .NET reads once at start-up. Started without it, the benchmark starts itself again with
/// the variables naming a temporary file, and ends with that run's exit code.
/// </summary>
internal static class TrustedRelaunch
{
    /// <summary>The exit code of the trusted run, or null when this already is one.</summary>
    public static int? RunTrusted(string[] args)
    {
        if (FakeArmTrust.TrustFile is not null)
        {
            return null;
        }

        var file = Path.Combine(Path.GetTempPath(), "azbt-benchmark-" + Guid.NewGuid().ToString("N") + ".pem");
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable.");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(TrustedRelaunch).Assembly.Location);
        }

        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SSL_CERT_FILE"] = file;
        start.Environment[FakeArmTrust.TrustFileVariable] = file;
        try
        {
            using var run = Process.Start(start) ?? throw new InvalidOperationException("The benchmark could not start itself.");
            run.WaitForExit();
            return run.ExitCode;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
