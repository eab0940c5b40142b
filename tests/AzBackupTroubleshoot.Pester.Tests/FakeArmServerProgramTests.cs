using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Pester.Tests
{
    /// <summary>The fake ARM's console entry, as the Pester suites use it: files written once listening, commands, stopping.</summary>
    public sealed class FakeArmServerProgramTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("fake-arm-server-").FullName;

        private string PortFile => Path.Combine(_folder, "port");

        private string CertificateFile => Path.Combine(_folder, "certificate.pem");

        [Fact]
        public async Task Writes_port_and_certificate_answers_commands_and_stops_when_standard_input_closes()
        {
            using var server = Start("--scenario", "B4-restore-point-limit");

            var endpoint = new Uri((await server.StandardOutput.ReadLineAsync())!["listening ".Length..]);

            Assert.Equal(endpoint.Port, int.Parse(await File.ReadAllTextAsync(PortFile), CultureInfo.InvariantCulture));
            using var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(CertificateFile));
            Assert.Equal(certificate.Thumbprint, await PresentedThumbprintAsync(endpoint));
            Assert.Equal("/subscriptions/2d0c7b1e-4f3a-4c8e-9b6d-5a1f0e7c3b21/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app25", await Command(server, "vm-under-test"), StringComparer.OrdinalIgnoreCase);
            using (var log = JsonDocument.Parse((await Command(server, "requests"))!))
            {
                var request = Assert.Single(log.RootElement.EnumerateArray());
                Assert.Equal("GET /metadata/endpoints 200", $"{request.GetProperty("method")} {request.GetProperty("path")} {request.GetProperty("status")}");
            }

            Assert.Equal("cleared", await Command(server, "clear"));
            Assert.Equal("[]", await Command(server, "requests"));
            server.StandardInput.Close();
            Assert.Equal(0, await ExitCodeAsync(server));
        }

        [Fact]
        public async Task A_generated_fleet_stops_on_SIGTERM()
        {
            using var server = Start("--fleet", "3");
            Assert.StartsWith("listening https://127.0.0.1:", await server.StandardOutput.ReadLineAsync(), StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            Assert.Equal(0, await ExitCodeAsync(server));
        }

        [Fact]
        public async Task An_unknown_scenario_is_exit_code_2_naming_the_known_ones()
        {
            using var server = Start("--scenario", "no-such-world");

            var errors = await server.StandardError.ReadToEndAsync();

            Assert.Equal(2, await ExitCodeAsync(server));
            Assert.Contains("healthy-linux", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(PortFile));
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private Process Start(params string[] world)
        {
            var start = new ProcessStartInfo(ChildProcess.DotnetHost)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[BuildOutput.FakeArmServer, .. world, "--port-file", PortFile, "--certificate-file", CertificateFile])
            {
                start.ArgumentList.Add(argument);
            }

            return Process.Start(start)!;
        }

        // The certificate the server presents, seen by a client that trusts exactly the PEM's certificate (no store).
        private async Task<string?> PresentedThumbprintAsync(Uri endpoint)
        {
            string? presented = null;
            using var trusted = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(CertificateFile));
            using var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                presented = (certificate as X509Certificate2)?.Thumbprint;
                return presented == trusted.Thumbprint;
            };
            using var client = new HttpClient(handler);
            using var response = await client.GetAsync(new Uri(endpoint, "metadata/endpoints?api-version=2022-09-01"));
            Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
            return presented;
        }

        private static async Task<string?> Command(Process server, string command)
        {
            await server.StandardInput.WriteLineAsync(command);
            await server.StandardInput.FlushAsync();
            return await server.StandardOutput.ReadLineAsync();
        }

        // A guard against a hung test, not a speed assertion.
        private static async Task<int> ExitCodeAsync(Process server)
        {
            using var expiry = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await server.WaitForExitAsync(expiry.Token);
            }
            catch (OperationCanceledException)
            {
                server.Kill(entireProcessTree: true);
                throw new TimeoutException("The fake ARM did not stop.");
            }

            return server.ExitCode;
        }
    }
}
