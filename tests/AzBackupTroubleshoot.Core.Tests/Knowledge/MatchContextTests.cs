using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Core.Tests.Knowledge
{
    public class MatchContextTests
    {
        private const Applicability AzureVmBackup = Applicability.VmBackup | Applicability.AgentExtension | Applicability.Job;
        private const Applicability Server = Applicability.BackupServer | Applicability.Job;

        [Theory]
        [InlineData("Backup", "AzureIaasVM", AzureVmBackup)]
        [InlineData("ConfigureBackup", "AzureVM", AzureVmBackup)]
        [InlineData("Restore", "AzureIaasVM", Applicability.Restore | Applicability.Job)]
        [InlineData("CrossRegionRestore", "AzureIaasVM", Applicability.Restore | Applicability.Job)]
        [InlineData("DisableBackup", "AzureIaasVM", Applicability.Job)]
        [InlineData("Backup", "DPM", Server)]
        [InlineData("Restore", "MAB", Server)]
        [InlineData("Backup", "AzureBackupServer", Server)]
        [InlineData("Backup", "AzureWorkload", Applicability.Job)]
        [InlineData("backup", "azureiaasvm", AzureVmBackup)]
        [InlineData(null, "AzureIaasVM", AzureVmBackup | Applicability.Restore)]
        [InlineData("Restore", null, Applicability.Restore | Applicability.BackupServer | Applicability.Job)]
        public void The_operation_and_workload_admit_the_entries_about_them(string? operation, string? workloadType, Applicability admitted) =>
            Assert.Equal(admitted, MatchContext.Of(operation, workloadType).Admitted);

        [Fact]
        public void An_unknown_job_admits_every_entry() =>
            Assert.Equal(
                Applicability.VmBackup | Applicability.Restore | Applicability.Job | Applicability.AgentExtension | Applicability.BackupServer,
                MatchContext.Of(null, null).Admitted);
    }
}
