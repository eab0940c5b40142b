using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Module.Tests.HostProgram;

namespace AzBackupTroubleshoot.Module.Tests.Readiness
{
    /// <summary>-Identity, as an Automation runbook signs in: the managed identity endpoint, no Az context, no prompt.</summary>
    public class ManagedIdentityTests
    {
        [Fact]
        public async Task Identity_signs_in_with_the_managed_identity_and_never_the_az_context()
        {
            var world = Scenarios.Load("healthy-linux");
            await using var server = await FakeArmServer.StartAsync(world);
            var environment = new Dictionary<string, string>
            {
                ["IDENTITY_ENDPOINT"] = new Uri(server.Endpoint, "msi/token").ToString(),
                ["IDENTITY_HEADER"] = "runbook-secret",
            };
            // A stand-in Az context that would be used without -Identity: it must not be asked for a token.
            var script = string.Join(
                "\n",
                "function Get-AzAccessToken { throw 'the Az context must not be used with -Identity' }",
                $"Test-AzVmBackupReadiness -Identity -AccountId 'mi-client-1' -SubscriptionId '{Scenarios.SubscriptionId}' -ResourceId '{world.VmUnderTest}' -ArmEndpoint '{server.Endpoint}' -Summary | ForEach-Object {{ 'verdict=' + $_.Verdict }}");

            var run = HostRun.Start(script, environment);

            Assert.True(run.ExitCode == 0, run.StandardError);
            Assert.Contains("verdict=Ready", run.StandardOutput, StringComparison.Ordinal);
            var tokenRequests = server.Requests.Where(r => r.Path.Equals("/msi/token", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.NotEmpty(tokenRequests);
            Assert.All(tokenRequests, r => Assert.Contains("client_id=mi-client-1", r.Query, StringComparison.Ordinal));
            Assert.DoesNotContain("fake-managed-identity-token", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        }
    }
}
