using System;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Rules.TestEvidence;

namespace AzBackupTroubleshoot.Core.Tests.Rules.Checks
{
    public class JobRulesTests
    {
        private const string OldVaultId = "/subscriptions/" + SubscriptionId + "/resourceGroups/rg-old/providers/Microsoft.RecoveryServices/vaults/vault-old";

        private static EnglishOutcome Jobs(string ruleId, params JobEvidence[] jobs) => Judge(ruleId, Healthy() with { RecentJobs = jobs });

        [Fact]
        public void NoneInProgress_passes_when_no_backup_runs()
        {
            Assert.Equal(EnglishOutcome.Pass("No backup job is in progress for the VM (1 recent job read)."), Judge("Job.NoneInProgress", Healthy()));
        }

        [Theory]
        [InlineData("InProgress")]
        [InlineData("Cancelling")]
        public void NoneInProgress_warns_about_a_running_backup_in_the_current_vault(string status)
        {
            var outcome = Jobs("Job.NoneInProgress", Job("job-9", "Backup", status, Now.AddHours(-1)));

            Assert.Equal(
                EnglishOutcome.Warning(
                    $"Backup job job-9 is {status} since 2025-03-01 11:00:00 UTC in vault {VaultId}. "
                    + "A backup started before it ends fails with UserErrorBackupOperationInProgress."),
                outcome);
        }

        [Fact]
        public void NoneInProgress_fails_on_a_backup_still_running_in_an_old_vault()
        {
            var outcome = Jobs("Job.NoneInProgress", Job("job-old", "Backup", "InProgress", Now.AddDays(-3), vaultId: OldVaultId));

            Assert.Equal(RuleResult.Fail, outcome.Result);
            Assert.Contains($"in vault {OldVaultId}", outcome.Evidence);
            Assert.Contains($"The VM is protected by vault {VaultId} now", outcome.Evidence);
        }

        [Fact]
        public void NoneInProgress_ignores_jobs_that_are_not_backups()
        {
            Assert.Equal(RuleResult.Pass, Jobs("Job.NoneInProgress", Job("job-r", "Restore", "InProgress", Now.AddHours(-1))).Result);
        }

        [Fact]
        public void Duration_passes_ordinary_jobs()
        {
            Assert.Equal(
                EnglishOutcome.Pass("No backup job over 12 h and no restore job over 6 h among 1 recent job."),
                Judge("Job.Duration", Healthy()));
        }

        [Theory]
        [InlineData("Backup", 12.0, RuleResult.Pass)]
        [InlineData("Backup", 12.5, RuleResult.Warning)]
        [InlineData("Restore", 6.0, RuleResult.Pass)]
        [InlineData("Restore", 7.0, RuleResult.Warning)]
        [InlineData("CrossRegionRestore", 7.0, RuleResult.Warning)]
        [InlineData("ConfigureBackup", 30.0, RuleResult.Pass)]
        public void Duration_warns_about_backups_over_12_hours_and_restores_over_6(string operation, double hours, RuleResult expected)
        {
            var job = Job("job-2", operation, "Completed", Now.AddDays(-2), TimeSpan.FromHours(hours));

            Assert.Equal(expected, Jobs("Job.Duration", job).Result);
        }

        [Fact]
        public void Duration_measures_a_running_job_up_to_when_the_evidence_was_read()
        {
            var outcome = Jobs("Job.Duration", Job("job-3", "Backup", "InProgress", Now.AddHours(-13)));

            Assert.Equal(EnglishOutcome.Warning("Backup job job-3 has been running for 13 h, over the 12 h guidance."), outcome);
        }

        [Fact]
        public void Duration_measures_a_finished_job_from_start_to_end_when_the_service_gave_no_duration()
        {
            var job = new JobEvidence { JobId = "job-4", Operation = "Restore", Status = "Completed", StartTime = Now.AddDays(-1), EndTime = Now.AddDays(-1).AddHours(8) };

            Assert.Equal(EnglishOutcome.Warning("Restore job job-4 ran for 8 h, over the 6 h guidance."), Jobs("Job.Duration", job));
        }
    }
}
