using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Rules.TestEvidence;

namespace AzBackupTroubleshoot.Core.Tests.Rules.Checks
{
    public class ExtensionRulesTests
    {
        private static ExtensionEvidence Extension(string name, string type, string? state, string? publisher = null, StatusEvidence? status = null) => new()
        {
            Name = name,
            Type = type,
            Publisher = publisher,
            ProvisioningState = state,
            Statuses = status == null ? [] : [status],
        };

        [Fact]
        public void Extension_AllProvisioned_passes_and_names_the_extensions()
        {
            Assert.Equal(
                EnglishOutcome.Pass("2 extensions, all provisioned: 'VMSnapshot', 'IaaSAntimalware'."),
                Judge("Extension.AllProvisioned", Healthy()));
        }

        [Fact]
        public void Extension_AllProvisioned_passes_a_VM_without_extensions()
        {
            Assert.Equal(EnglishOutcome.Pass("The VM has no extensions."), Judge("Extension.AllProvisioned", Healthy() with { Extensions = [] }));
        }

        [Fact]
        public void Extension_AllProvisioned_fails_with_the_failed_extension_and_its_error()
        {
            var failed = Extension(
                "CustomScript",
                "CustomScriptExtension",
                "Failed",
                status: new StatusEvidence("ProvisioningState/failed/3", "Error", "Provisioning failed", "Command execution finished,\n but failed because it returned a non-zero exit code of: '1'", null));

            var outcome = Judge("Extension.AllProvisioned", Healthy() with { Extensions = [.. Healthy().Extensions!, failed] });

            Assert.Equal(
                EnglishOutcome.Fail("Extension 'CustomScript' (CustomScriptExtension) is in provisioning state Failed (Command execution finished, but failed because it returned a non-zero exit code of: '1')."),
                outcome);
        }

        [Fact]
        public void Extension_AllProvisioned_fails_when_the_handler_reports_an_error_the_model_does_not_show_yet()
        {
            var erring = Extension("MDE.Windows", "MDE.Windows", "Succeeded", status: new StatusEvidence("ProvisioningState/failed", "Error", "Provisioning failed", "Onboarding failed", null));

            var outcome = Judge("Extension.AllProvisioned", Healthy() with { Extensions = [erring] });

            Assert.Equal(RuleResult.Fail, outcome.Result);
            Assert.Contains("'MDE.Windows'", outcome.Evidence);
        }

        [Fact]
        public void Extension_AllProvisioned_shortens_a_long_error_message()
        {
            var message = new string('x', 500);
            var failed = Extension("CustomScript", "CustomScriptExtension", "Failed", status: new StatusEvidence(null, "Error", null, message, null));

            var outcome = Judge("Extension.AllProvisioned", Healthy() with { Extensions = [failed] });

            Assert.Contains(new string('x', 200) + "…", outcome.Evidence);
            Assert.DoesNotContain(new string('x', 201), outcome.Evidence);
        }

        [Fact]
        public void Extension_AllProvisioned_warns_about_an_extension_still_updating()
        {
            var updating = Extension("AzureMonitorWindowsAgent", "AzureMonitorWindowsAgent", "Updating");

            var outcome = Judge("Extension.AllProvisioned", Healthy() with { Extensions = [updating] });

            Assert.Equal(EnglishOutcome.Warning("Extension 'AzureMonitorWindowsAgent' (AzureMonitorWindowsAgent) is in provisioning state Updating."), outcome);
        }

        [Fact]
        public void Extension_BackupHealthy_passes_a_succeeded_backup_extension()
        {
            Assert.Equal(
                EnglishOutcome.Pass("VMSnapshot extension 'VMSnapshot' is in provisioning state Succeeded."),
                Judge("Extension.BackupHealthy", Healthy()));
        }

        [Theory]
        [InlineData("Deleting")]
        [InlineData("Failed")]
        public void Extension_BackupHealthy_fails_a_backup_extension_stuck_deleting_or_failed(string state)
        {
            var evidence = Healthy() with { Extensions = [Extension("VMSnapshot", "VMSnapshot", state)] };

            Assert.Equal(
                EnglishOutcome.Fail($"VMSnapshot extension 'VMSnapshot' is in provisioning state {state}."),
                Judge("Extension.BackupHealthy", evidence));
        }

        [Fact]
        public void Extension_BackupHealthy_matches_the_Linux_extension_by_type_whatever_its_name()
        {
            var evidence = Linux() with { Extensions = [Extension("backup-ext", "VMSnapshotLinux", "Deleting", publisher: "microsoft.azure.recoveryservices")] };

            Assert.Equal(
                EnglishOutcome.Fail("VMSnapshotLinux extension 'backup-ext' is in provisioning state Deleting."),
                Judge("Extension.BackupHealthy", evidence));
        }

        [Fact]
        public void Extension_BackupHealthy_passes_when_the_extension_is_not_installed_yet()
        {
            var evidence = Healthy() with { Extensions = [Extension("IaaSAntimalware", "IaaSAntimalware", "Failed")] };

            Assert.Equal(
                EnglishOutcome.Pass("The backup extension (VMSnapshot / VMSnapshotLinux) is not installed yet; the first backup installs it."),
                Judge("Extension.BackupHealthy", evidence));
        }

        [Fact]
        public void Hint_SqlServer_warns_about_VSS_copy_backups_when_the_SQL_IaaS_extension_is_installed()
        {
            var sql = Extension("SqlIaasExtension", "SqlIaaSAgent", "Succeeded", publisher: "Microsoft.SqlServer.Management");

            var outcome = Judge("Hint.SqlServer", Healthy() with { Extensions = [sql] });

            Assert.Equal(RuleResult.Warning, outcome.Result);
            Assert.StartsWith("SQL Server IaaS extension 'SqlIaasExtension' (SqlIaaSAgent) is installed", outcome.Evidence);
            Assert.Contains("[HKLM\\SOFTWARE\\MICROSOFT\\BCDRAGENT] \"USEVSSCOPYBACKUP\"=\"TRUE\"", outcome.Evidence);
        }

        [Fact]
        public void Hint_SqlServer_does_not_apply_without_SQL_Server()
        {
            Assert.Equal(EnglishOutcome.NotApplicable("No SQL Server IaaS extension is installed on the VM."), Judge("Hint.SqlServer", Healthy()));
        }

        [Theory]
        [InlineData("SiteRecovery-Windows", "Windows", "Microsoft.Azure.RecoveryServices.SiteRecovery")]
        [InlineData("asr-mobility", "Linux", "Microsoft.Azure.RecoveryServices.SiteRecovery2")]
        [InlineData("asr", "Microsoft.Azure.RecoveryServices.SiteRecovery.Linux", null)]
        public void Hint_SiteRecovery_warns_about_snapshot_scheduling_when_Site_Recovery_is_installed(string name, string type, string? publisher)
        {
            var outcome = Judge("Hint.SiteRecovery", Healthy() with { Extensions = [Extension(name, type, "Succeeded", publisher)] });

            Assert.Equal(RuleResult.Warning, outcome.Result);
            Assert.Contains($"'{name}'", outcome.Evidence);
            Assert.Contains("schedule them at different times", outcome.Evidence);
            Assert.Contains("isanysnapshotfailed to False in /etc/azure/vmbackup.conf", outcome.Evidence);
        }

        [Fact]
        public void Hint_SiteRecovery_does_not_apply_without_Site_Recovery()
        {
            Assert.Equal(RuleResult.NotApplicable, Judge("Hint.SiteRecovery", Healthy()).Result);
        }
    }
}
