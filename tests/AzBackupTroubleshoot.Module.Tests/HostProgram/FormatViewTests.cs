namespace AzBackupTroubleshoot.Module.Tests.HostProgram
{
    /// <summary>The module's default views as a user sees them: rendered by Out-Default in azbt-host.</summary>
    [Collection(ModuleCollection.Name)]
    public sealed class FormatViewTests
    {
        // Readiness results for two VMs with two rules each, built as the readiness cmdlet will write them.
        private const string ReadinessResults =
            "$results = foreach ($vm in 'vm-a', 'vm-b') { foreach ($rule in 'VM.Exists', 'Agent.Ready') { "
            + "[AzBackupTroubleshoot.Rules.ReadinessResult]@{ VmName = $vm; ResourceGroupName = 'rg-web'; SubscriptionId = 's'; "
            + "VmId = \"/subscriptions/s/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/$vm\"; RuleId = $rule; "
            + "Title = \"Title of $rule\"; Evidence = 'agent status Not Ready'; Result = $(if ($rule -eq 'VM.Exists') { 'Pass' } else { 'Fail' }) } } }; ";

        [Fact]
        public void A_known_issue_shows_numbered_remedies_and_guest_scripts()
        {
            var run = HostRun.Start("Get-AzBackupKnownIssue -Id B4 -Culture en-US");

            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"(?m)^Codes\s+: UserErrorRpCollectionLimitReached\s*$", run.StandardOutput);
            Assert.Matches(@"(?m)^Remedies\s+: 1\. ", run.StandardOutput);
            Assert.Matches(@"(?m)^\s+2\. ", run.StandardOutput);
            Assert.Matches(@"(?m)^\s+PS> Clear-AzRestorePointCollection ", run.StandardOutput);
        }

        [Fact]
        public void A_diagnosis_shows_the_entry_the_codes_and_how_often_it_was_seen()
        {
            var run = HostRun.Start(["Get-AzBackupFailureDiagnosis", "-Path", "docs/samples/az-backup-job-list.json", "-Culture", "en-US", "-IncludeAllJobs"]);

            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"(?m)^Error\s+: \[B4\] .*UserErrorRpCollectionLimitReached", run.StandardOutput);
            Assert.Matches(@"(?m)^Seen\s+: \d+ times, ", run.StandardOutput);
            Assert.Matches(@"(?m)^Status\s+: NothingToDiagnose\s*$", run.StandardOutput);
        }

        [Fact]
        public void A_step_still_holding_placeholders_says_so_under_its_scripts()
        {
            var run = HostRun.Start(["Get-AzBackupFailureDiagnosis", "-ErrorCode", "UserErrorRpCollectionLimitReached", "-Culture", "en-US"]);

            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"(?m)^\s+Not ready to run as shown: fill in AzureBackupRG_<Geo>_<number>, <LockId> first", run.StandardOutput);
            Assert.Matches(@"(?m)^\s+PS> Remove-AzResourceLock -LockId '<LockId>' -Force|^\s+PS> Get-AzResourceLock", run.StandardOutput);
        }

        [Fact]
        public void Readiness_results_are_grouped_by_vm()
        {
            var run = HostRun.Start(ReadinessResults + "$results");

            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"(?m)^\s+VM: vm-a \(rg-web\)\s*$", run.StandardOutput);
            Assert.Matches(@"(?m)^\s+VM: vm-b \(rg-web\)\s*$", run.StandardOutput);
            Assert.Matches(@"(?m)^Fail\s+Agent\.Ready\s+Title of Agent\.Ready\s+agent status Not Ready\s*$", run.StandardOutput);
        }

        [Fact]
        public void A_readiness_summary_is_one_line_per_vm()
        {
            var run = HostRun.Start(ReadinessResults + "[AzBackupTroubleshoot.Rules.VmReadinessSummary]::Summarize([AzBackupTroubleshoot.Rules.ReadinessResult[]]$results)");

            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"(?m)^vm-a\s+rg-web\s+NotReady\s+1\s+0\s+1\s+0\s+Agent\.Ready\s*$", run.StandardOutput);
            Assert.Matches(@"(?m)^vm-b\s+rg-web\s+NotReady\s+", run.StandardOutput);
        }
    }
}
