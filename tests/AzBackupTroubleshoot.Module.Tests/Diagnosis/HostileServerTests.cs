using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Module.Tests.Remediation;

namespace AzBackupTroubleshoot.Module.Tests.Diagnosis
{
    /// <summary>The cmdlets in front of a server that answers garbage, asks for a foreign token, or shows an untrusted certificate.</summary>
    public sealed class HostileServerTests
    {
        private const string Rg = "/subscriptions/" + Scenarios.SubscriptionId + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/";

        [Fact]
        public async Task A_vm_answering_html_is_unreadable_naming_the_request_and_the_other_vm_is_still_diagnosed()
        {
            var world = Scenarios.Load("A12-vm-deleted");
            var vault = world.AllRecoveryServicesVaults().Single();
            vault.AddJob(Rg + "vm-other12", "Backup", "Failed", WorldTime.Ago(TimeSpan.FromDays(1)), WorldTime.Ago(TimeSpan.FromDays(1)).AddMinutes(10))
                .WithError(400141, "ExtensionStuckInDeletionState - Extension state is not supportive to backup operation.");
            await using var shell = await LiveShell.StartAsync(world);
            shell.Server.Faults.RawBody("GET", "/virtualMachines/vm-other12$", "<html><body>502 Bad Gateway</body></html>", "text/html");

            var result = shell.Run("Get-AzBackupFailureDiagnosis -All -ArmEndpoint $arm");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("EvidenceUnreadable,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("GET " + Rg + "vm-other12", error.Exception.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(result.Output, d => (string)d.Properties["KnowledgeId"].Value == "A12");
            Assert.Contains(result.Output, d => (string)d.Properties["WorkloadName"].Value == "vm-other12");
        }

        [Fact]
        public async Task A_readiness_scan_with_one_vm_answering_truncated_json_reports_the_others()
        {
            var world = Scenarios.Load("A12-vm-deleted");
            world.FindResourceGroup(Scenarios.SubscriptionId, "rg-app")!.AddVirtualMachine("vm-third12").WithBackupExtension();
            await using var shell = await LiveShell.StartAsync(world);
            shell.Server.Faults.RawBody("GET", "/virtualMachines/vm-other12$", "{\"id\":\"" + Rg + "vm-other12\",\"properties\":{\"vmId\":\"");

            var result = shell.Run("Test-AzVmBackupReadiness -ResourceGroupName rg-app -Summary -ArmEndpoint $arm");

            var error = Assert.Single(result.Errors);
            Assert.Contains("vm-other12", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("not the JSON expected", error.Exception.Message, StringComparison.Ordinal);
            Assert.Single(result.Output, o => (string)o.Properties["VmName"].Value == "vm-third12");
        }

        [Theory]
        [InlineData("https://vault.azure.net")]
        [InlineData("https://storage.azure.com/")]
        [InlineData("https://graph.microsoft.com")]
        public async Task A_metadata_asking_for_a_foreign_token_is_refused_before_any_token_is_asked_for(string audience)
        {
            var world = Scenarios.Load("B4-locked-restore-point-group");
            await using var shell = await LiveShell.StartAsync(world, new FakeArmOptions { MetadataAudience = audience });

            var result = shell.Run("""
                $global:asked = @()
                function Get-AzAccessToken { param($ResourceUrl) $global:asked += $ResourceUrl; [pscustomobject]@{ Token = 'fake-token'; ExpiresOn = [DateTimeOffset]::UtcNow.AddHours(1) } }
                Get-AzBackupFailureDiagnosis -All -ArmEndpoint $arm
                "asked:$($global:asked.Count)"
                """);

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("ArmAudienceRefused,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            Assert.Contains(audience, error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains(result.Warnings, w => w.Contains("not a known Azure cloud", StringComparison.Ordinal));
            Assert.Contains(result.Output, o => o.ToString() == "asked:0");
        }

        [Fact]
        public async Task An_untrusted_certificate_is_refused_at_the_first_connection_saying_so()
        {
            var world = Scenarios.Load("B4-locked-restore-point-group");
            await using var shell = await LiveShell.StartAsync(world);
            await using var untrusted = await FakeArmServer.StartAsync(Scenarios.Load("B4-locked-restore-point-group"), new FakeArmOptions { FreshCertificateKey = true });

            var result = shell.Run($"Get-AzBackupFailureDiagnosis -All -ArmEndpoint '{untrusted.Endpoint}'");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("TlsValidationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
            Assert.Contains("TLS certificate of 127.0.0.1 failed validation", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(1, untrusted.ConnectionsAccepted);
            Assert.Empty(untrusted.Requests.All);
        }
    }
}
