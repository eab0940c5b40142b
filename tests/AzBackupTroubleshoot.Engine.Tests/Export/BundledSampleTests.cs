using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Engine.Export;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Engine.Tests.Export
{
    /// <summary>The sample the README runs diagnoses as it is meant to: every documented failure recognised.</summary>
    public class BundledSampleTests
    {
        private static readonly IReadOnlyList<BackupFailureDiagnosis> Diagnoses =
            new FailureDiagnoser(KnowledgeBase.Default, SupportedCulture.English)
                .DiagnoseJobs(JobExportReader.Read(RepoPaths.Sample("az-backup-job-list.json")).Jobs);

        [Fact]
        public void The_sample_has_at_least_twelve_jobs_all_valid()
        {
            var export = JobExportReader.Read(RepoPaths.Sample("az-backup-job-list.json"));
            Assert.True(export.Jobs.Count >= 12);
            Assert.Empty(export.InvalidJobs);
        }

        [Theory]
        [InlineData("vm-web01", "Backup", "A12", MatchKind.NumericCode, 2)]
        [InlineData("vm-app02", "ConfigureBackup", "A14", MatchKind.NumericCode, 1)]
        [InlineData("vm-sql03", "Backup", "B4", MatchKind.CodeInMessage, 3)]
        [InlineData("vm-lnx04", "Backup", "A4", MatchKind.Message, 1)]
        [InlineData("vm-app05", "Backup", "A10", MatchKind.Message, 1)]
        [InlineData("vm-win06", "Backup", "B1", MatchKind.Message, 1)]
        [InlineData("vm-win06", "Backup", "A3", MatchKind.Message, 1)]
        [InlineData("vm-web01", "Restore", "E1", MatchKind.Message, 1)]
        [InlineData("vm-app02", "Backup", "D1", MatchKind.Message, 1)]
        [InlineData("fileserver01", "Backup", "F4", MatchKind.NumericCode, 1)]
        public void Each_documented_failure_is_recognised(string workload, string operation, string id, MatchKind kind, int count)
        {
            var d = Assert.Single(Diagnoses, d => d.WorkloadName == workload && d.Operation == operation && d.KnowledgeId == id);
            Assert.Equal(kind, d.MatchedBy);
            Assert.Equal(count, d.Count);
            Assert.Equal(DiagnosisStatus.Diagnosed, d.Status);
        }

        [Fact]
        public void The_unknown_failure_is_unrecognized_and_healthy_jobs_have_nothing_to_diagnose()
        {
            Assert.Equal("999999", Assert.Single(Diagnoses, d => d.Status == DiagnosisStatus.Unrecognized).Code);
            Assert.Equal(["vm-db08", "vm-web07"], Diagnoses.Where(d => d.Status == DiagnosisStatus.NothingToDiagnose).Select(d => d.WorkloadName).OrderBy(n => n));
        }

        [Fact]
        public void A_numeric_code_unknown_to_the_knowledge_base_says_it_fell_back_to_the_message()
        {
            var d = Assert.Single(Diagnoses, d => d.KnowledgeId == "A4");
            Assert.Contains("400141", d.Note);
        }
    }
}
