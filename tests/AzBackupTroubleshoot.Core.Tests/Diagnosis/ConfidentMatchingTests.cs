using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Core.Tests.Diagnosis
{
    /// <summary>The shipped knowledge base never gives a confident wrong answer, and still names every documented error.</summary>
    public class ConfidentMatchingTests
    {
        private static readonly FailureDiagnoser Diagnoser = new(KnowledgeBase.Default, SupportedCulture.English);

        public static IEnumerable<object?[]> NotDiagnosed() => RealWorldMessages.NotDiagnosed();

        public static IEnumerable<object?[]> Diagnosed() => RealWorldMessages.Diagnosed();

        public static IEnumerable<object?[]> OwnCodesAndMessages() => RealWorldMessages.OwnCodesAndMessages();

        private static BackupFailureDiagnosis Diagnose(string? operation, string? workloadType, string? code, string? message) =>
            Diagnoser.DiagnoseJobs([RealWorldMessages.Job(operation, workloadType, code, message)]).Single();

        [Theory]
        [MemberData(nameof(NotDiagnosed))]
        public void A_text_that_only_resembles_a_documented_error_is_unrecognized(string operation, string workloadType, string? code, string message)
        {
            var d = Diagnose(operation, workloadType, code, message);

            Assert.Equal(DiagnosisStatus.Unrecognized, d.Status);
            Assert.Null(d.KnowledgeId);
            Assert.Empty(d.Remedies);
        }

        [Theory]
        [MemberData(nameof(Diagnosed))]
        [MemberData(nameof(OwnCodesAndMessages))]
        public void A_documented_code_or_message_on_its_kind_of_job_is_diagnosed(string operation, string workloadType, string? code, string? message, string id)
        {
            var d = Diagnose(operation, workloadType, code, message);

            Assert.Equal(DiagnosisStatus.Diagnosed, d.Status);
            Assert.Equal(id, d.KnowledgeId);
            Assert.True(d.Confidence >= ConfidenceThresholds.Diagnose);
        }

        [Fact]
        public void A_vm_not_found_in_another_context_names_the_closest_candidate_and_why()
        {
            var d = Diagnose("Backup", RealWorldMessages.AzureVm, "0", "Azure virtual machine image was not found in the shared image gallery.");

            var candidate = Assert.Single(d.Candidates);
            Assert.Equal("A12", candidate.Id);
            Assert.Equal("The protected VM no longer exists", candidate.Title);
            Assert.Equal(MatchKind.PartialMessage, candidate.MatchedBy);
            Assert.Equal(MatchConfidence.Low, candidate.Confidence);
            Assert.Equal(
                "The message contains only 4 of the 5 significant words of its documented message \"An Azure virtual machine wasn't found\": too little to be sure.",
                candidate.Why);
        }

        [Fact]
        public void An_entry_of_another_operation_is_a_candidate_said_to_be_about_other_jobs()
        {
            var d = Diagnose("Restore", RealWorldMessages.AzureVm, "0", "The operation failed due to an internal error.");

            var candidate = Assert.Single(d.Candidates, c => c.Id == "B8");
            Assert.Equal(MatchConfidence.Contradicted, candidate.Confidence);
            Assert.Contains("not about this kind of job (Restore, AzureIaasVM)", candidate.Why);
        }

        [Fact]
        public void A_numeric_code_of_another_workload_yields_to_the_text_code_and_says_so()
        {
            var d = Diagnose("Backup", RealWorldMessages.AzureVm, "100110", "UserErrorGuestAgentStatusUnavailable - VM Agent unable to communicate with Azure Backup.");

            Assert.Equal("B1", d.KnowledgeId);
            Assert.Equal(MatchKind.CodeInMessage, d.MatchedBy);
            Assert.Equal(MatchConfidence.Certain, d.Confidence);
            Assert.Equal("100110", d.Code);
            Assert.Equal("Code 100110 belongs to entry F4, which is not about this kind of job (Backup, AzureIaasVM); recognised by the message instead.", d.Note);
        }

        [Fact]
        public void A_numeric_code_of_another_workload_with_nothing_else_is_unrecognized_naming_it()
        {
            var d = Diagnose("Backup", "DPM", "320001", "An unexpected error occurred.");

            var candidate = Assert.Single(d.Candidates);
            Assert.Equal(("A12", MatchKind.NumericCode, MatchConfidence.Contradicted), (candidate.Id, candidate.MatchedBy, candidate.Confidence));
            Assert.Equal("The code 320001 is one of its codes, but the entry is not about this kind of job (Backup, DPM).", candidate.Why);
        }

        [Theory]
        [InlineData(SupportedCulture.SimplifiedChinese, "代码 320001 是其代码之一，但此条目不适用于此类作业（Backup, DPM）。", "下面列出最接近的候选项")]
        [InlineData(SupportedCulture.TraditionalChinese, "代碼 320001 是其代碼之一，但此項目不適用於此類作業（Backup, DPM）。", "下方列出最接近的候選項目")]
        public void Candidates_and_notes_follow_the_culture(SupportedCulture culture, string why, string note)
        {
            var d = new FailureDiagnoser(KnowledgeBase.Default, culture)
                .DiagnoseJobs([RealWorldMessages.Job("Backup", "DPM", "320001", "An unexpected error occurred.")]).Single();

            Assert.Equal(why, Assert.Single(d.Candidates).Why);
            Assert.Contains(note, d.Note);
        }
    }
}
