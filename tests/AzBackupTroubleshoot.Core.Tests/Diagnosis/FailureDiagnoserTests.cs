using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Core.Tests.Diagnosis
{
    public class FailureDiagnoserTests
    {
        private const string VmId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1";
        private const string VaultId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rgv/providers/Microsoft.RecoveryServices/vaults/vault1";
        private static readonly DateTimeOffset Monday = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

        private static JobEvidence Job(string id, string workload, DateTimeOffset start, params JobError[] errors) => new()
        {
            JobId = id,
            WorkloadName = workload,
            Operation = "Backup",
            Status = errors.Length == 0 ? "Completed" : "Failed",
            StartTime = start,
            VaultId = VaultId,
            VmId = workload == "vm1" ? VmId : null,
            Errors = errors,
        };

        private static JobError Error(string? code, string? message) => new(code, message, ["service says retry"]);

        private static FailureDiagnoser Diagnoser(SupportedCulture culture = SupportedCulture.English, Func<JobEvidence, RuleOutcomeCauseJudge?>? judge = null) =>
            new(InlineKnowledge.Sample, culture, judge);

        [Fact]
        public void Repeated_failures_of_one_workload_and_error_fold_with_count_and_times()
        {
            var jobs = new[]
            {
                Job("j1", "vm1", Monday, Error("UserErrorRpCollectionLimitReached", null)),
                Job("j3", "vm1", Monday.AddDays(2), Error("999", "The Restore Point collection max limit has reached")),
                Job("j2", "vm1", Monday.AddDays(1), Error("UserErrorRpCollectionLimitReached", null)),
                Job("j4", "vm2", Monday, Error("UserErrorRpCollectionLimitReached", null)),
            };

            var result = Diagnoser().DiagnoseJobs(jobs);

            Assert.Equal(2, result.Count);
            var vm1 = result.Single(d => d.WorkloadName == "vm1");
            Assert.Equal(3, vm1.Count);
            Assert.Equal(["j1", "j2", "j3"], vm1.JobIds);
            Assert.Equal("j3", vm1.JobId);
            Assert.Equal(Monday, vm1.FirstSeen);
            Assert.Equal(Monday.AddDays(2), vm1.LastSeen);
            Assert.Equal("B4", vm1.KnowledgeId);
            Assert.Equal(1, result.Single(d => d.WorkloadName == "vm2").Count);
        }

        [Fact]
        public void Remedies_are_ordered_and_commands_filled_from_the_job()
        {
            var d = Diagnoser().DiagnoseJobs([Job("j1", "vm1", Monday, Error("UserErrorRpCollectionLimitReached", null))]).Single();

            Assert.Equal([1, 2], d.Remedies.Select(r => r.Step));
            Assert.Equal($"Clear-AzRestorePointCollection -ResourceId '{VmId}' -RemoveLock", d.Remedies[0].Command);
            Assert.Null(d.Remedies[1].Command);
            Assert.Equal(["service says retry"], d.ServiceRecommendations);
            Assert.Equal(new Uri("https://learn.microsoft.com/en-us/azure/backup/backup-azure-vms-troubleshoot#b4"), d.DocumentationUrl);
        }

        [Fact]
        public void A_command_is_not_offered_when_a_placeholder_cannot_be_filled()
        {
            var d = Diagnoser().DiagnoseJobs([Job("j1", "vm2", Monday, Error("UserErrorRpCollectionLimitReached", null))]).Single();
            Assert.Null(d.Remedies[0].Command);
            Assert.Contains("{VmId}", d.Remedies[0].CommandTemplate);
        }

        [Fact]
        public void A_job_without_error_details_is_nothing_to_diagnose()
        {
            var d = Diagnoser().DiagnoseJobs([Job("j1", "vm1", Monday)]).Single();
            Assert.Equal(DiagnosisStatus.NothingToDiagnose, d.Status);
            Assert.Contains("Completed", d.Note);
        }

        [Fact]
        public void Nothing_to_diagnose_comes_after_the_failures()
        {
            var result = Diagnoser().DiagnoseJobs([Job("ok", "vm2", Monday.AddDays(5)), Job("j1", "vm1", Monday, Error("320001", null))]);
            Assert.Equal([DiagnosisStatus.Diagnosed, DiagnosisStatus.NothingToDiagnose], result.Select(d => d.Status));
        }

        [Fact]
        public void An_unknown_error_is_reported_as_unrecognized_with_the_service_text()
        {
            var d = Diagnoser().DiagnoseJobs([Job("j1", "vm1", Monday, Error("777", "Something odd happened"))]).Single();
            Assert.Equal(DiagnosisStatus.Unrecognized, d.Status);
            Assert.Equal("777", d.Code);
            Assert.Equal("Something odd happened", d.ServiceMessage);
        }

        [Fact]
        public void Every_error_of_a_job_is_diagnosed()
        {
            var result = Diagnoser().DiagnoseJobs([Job("j1", "vm1", Monday, Error("320001", null), Error(null, "Cancellation is not supported for this job type"))]);
            Assert.Equal(["A12", "D1"], result.Select(d => d.KnowledgeId).OrderBy(x => x));
        }

        [Fact]
        public void Without_evidence_every_cause_is_unknown_in_documented_order()
        {
            var d = Diagnoser().DiagnoseJobs([Job("j1", "vm1", Monday, Error("UserErrorVmNotInDesirableState", null))]).Single();
            Assert.All(d.Causes, c => Assert.Equal(CauseStatus.Unknown, c.Status));
            Assert.Equal(["transitional", "no-agent", "selinux"], d.Causes.Select(c => c.Id));
        }

        [Fact]
        public void Evidence_ranks_confirmed_causes_first_and_excluded_last()
        {
            var outcomes = new Dictionary<string, RuleOutcome>
            {
                ["VM.PowerState"] = RuleOutcome.Pass(LocalizedText.Verbatim("VM is running")),
                ["Agent.Installed"] = RuleOutcome.Fail(LocalizedText.Verbatim("instance view has no vmAgent")),
                ["Agent.Ready"] = RuleOutcome.Unknown(LocalizedText.Verbatim("instance view not read")),
            };
            var diagnoser = Diagnoser(judge: _ => new RuleOutcomeCauseJudge(outcomes));

            var d = diagnoser.DiagnoseJobs([Job("j1", "vm1", Monday, Error("UserErrorVmNotInDesirableState", null))]).Single();

            Assert.Equal(["no-agent", "selinux", "transitional"], d.Causes.Select(c => c.Id));
            Assert.Equal([CauseStatus.Confirmed, CauseStatus.Unknown, CauseStatus.Excluded], d.Causes.Select(c => c.Status));
            Assert.Equal(["instance view has no vmAgent"], d.Causes[0].Evidence);
            Assert.Equal(["VM is running"], d.Causes[2].Evidence);
        }

        [Fact]
        public void A_cause_with_an_unreadable_check_is_not_excluded()
        {
            var judge = new RuleOutcomeCauseJudge(new Dictionary<string, RuleOutcome>
            {
                ["Agent.Installed"] = RuleOutcome.Pass(LocalizedText.Verbatim("agent 2.7")),
                ["Agent.Ready"] = RuleOutcome.Unknown(LocalizedText.Verbatim("not read")),
            });
            var cause = InlineKnowledge.Sample.Get("A3")!.Causes[1];
            Assert.Equal(CauseStatus.Unknown, judge.Judge(cause).Status);
        }

        [Fact]
        public void Culture_selects_the_language_and_the_documentation_locale()
        {
            var d = Diagnoser(SupportedCulture.TraditionalChinese).DiagnosePasted("320001").Single();
            Assert.Equal("繁體 Title A12", d.Title);
            Assert.Equal("zh-TW", d.Culture);
            Assert.StartsWith("https://learn.microsoft.com/zh-tw/", d.DocumentationUrl!.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void A_bare_code_is_diagnosed_or_nothing()
        {
            Assert.Equal("F12", Diagnoser().DiagnosePasted("0X29834").Single().KnowledgeId);
            Assert.Equal(MatchKind.TextCode, Diagnoser().DiagnosePasted("ResourceNotFound").Single().MatchedBy);
            Assert.Empty(Diagnoser().DiagnosePasted("NoSuchCode"));
        }
    }
}
