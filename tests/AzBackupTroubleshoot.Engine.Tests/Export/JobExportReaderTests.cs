using System;
using System.IO;
using System.Linq;
using System.Text;
using AzBackupTroubleshoot.Engine.Export;

namespace AzBackupTroubleshoot.Engine.Tests.Export
{
    public class JobExportReaderTests
    {
        private const string FailedJob = """
            {
              "id": "/Subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-vault/providers/Microsoft.RecoveryServices/vaults/vault1/backupJobs/11111111-1111-1111-1111-111111111111",
              "name": "11111111-1111-1111-1111-111111111111",
              "properties": {
                "jobType": "AzureIaaSVMJob",
                "containerName": "iaasvmcontainerv2;rg-app;vm1",
                "entityFriendlyName": "vm1",
                "backupManagementType": "AzureIaasVM",
                "operation": "Backup",
                "status": "Failed",
                "startTime": "2026-11-20T02:00:05.123Z",
                "endTime": "2026-11-20T02:31:00Z",
                "duration": "0:30:54.877000",
                "errorDetails": [
                  { "errorCode": 320001, "errorString": "Could not perform the operation as VM no longer exists.", "errorTitle": "", "recommendations": ["Stop protection"] }
                ]
              },
              "resourceGroup": "rg-vault",
              "type": "Microsoft.RecoveryServices/vaults/backupJobs"
            }
            """;

        private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

        [Fact]
        public void A_job_show_object_is_read_with_its_errors()
        {
            var job = Assert.Single(JobExportReader.Parse(Utf8(FailedJob), "show.json").Jobs);

            Assert.Equal("11111111-1111-1111-1111-111111111111", job.JobId);
            Assert.Equal("vm1", job.WorkloadName);
            Assert.Equal("Failed", job.Status);
            Assert.Equal("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-vault/providers/Microsoft.RecoveryServices/vaults/vault1", job.VaultId);
            Assert.Equal("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1", job.VmId);
            Assert.Equal(new DateTimeOffset(2026, 11, 20, 2, 0, 5, 123, TimeSpan.Zero), job.StartTime);
            Assert.Equal(new TimeSpan(0, 0, 30, 54, 877), job.Duration);
            var error = Assert.Single(job.Errors);
            Assert.Equal("320001", error.Code);
            Assert.StartsWith("Could not perform", error.Message, StringComparison.Ordinal);
            Assert.Equal(["Stop protection"], error.Recommendations);
        }

        [Fact]
        public void A_job_list_array_and_a_rest_value_page_are_read()
        {
            Assert.Equal(2, JobExportReader.Parse(Utf8("[" + FailedJob + "," + FailedJob + "]"), "list.json").Jobs.Count);
            Assert.Single(JobExportReader.Parse(Utf8("{\"value\":[" + FailedJob + "]}"), "page.json").Jobs);
        }

        [Fact]
        public void Iso_durations_textual_codes_and_a_byte_order_mark_are_accepted()
        {
            var json = FailedJob.Replace("\"0:30:54.877000\"", "\"PT12.5S\"").Replace("320001", "\"UserErrorVmNotInDesirableState\"");
            var job = JobExportReader.Parse([0xEF, 0xBB, 0xBF, .. Utf8(json)], "bom.json").Jobs.Single();
            Assert.Equal(TimeSpan.FromSeconds(12.5), job.Duration);
            Assert.Equal("UserErrorVmNotInDesirableState", job.Errors[0].Code);
        }

        [Fact]
        public void A_job_without_error_details_has_no_errors()
        {
            var json = "[{\"name\":\"j\",\"properties\":{\"operation\":\"Backup\",\"status\":\"Completed\",\"entityFriendlyName\":\"vm2\"}}]";
            var job = JobExportReader.Parse(Utf8(json), "ok.json").Jobs.Single();
            Assert.Empty(job.Errors);
            Assert.Null(job.VmId);
        }

        [Fact]
        public void Malformed_json_names_the_file_line_and_position()
        {
            var ex = Assert.Throws<JobExportFormatException>(() => JobExportReader.Parse(Utf8("[\n  {\"name\": \"x\",\n    \"properties\": { oops }\n]"), "bad.json"));
            Assert.Equal("bad.json", ex.Path);
            Assert.Equal(3, ex.Line);
            Assert.NotNull(ex.Position);
            Assert.Contains("bad.json", ex.Message);
            Assert.Contains("line 3", ex.Message);
        }

        [Theory]
        [InlineData("42")]
        [InlineData("\"job\"")]
        public void Json_that_is_not_a_job_export_is_refused(string json) =>
            Assert.Throws<JobExportFormatException>(() => JobExportReader.Parse(Utf8(json), "other.json"));

        [Theory]
        [InlineData("{\"name\":\"no properties\"}", "no 'properties' object")]
        [InlineData("17", "no 'properties' object")]
        [InlineData("{\"name\":\"j\",\"properties\":[]}", "no 'properties' object")]
        [InlineData("{\"id\":\"/backupJobs/j\",\"properties\":{}}", "its id '/backupJobs/j' is not a backup job's resource id")]
        [InlineData("{\"id\":\"j\",\"properties\":{}}", "its id 'j' is not a backup job's resource id")]
        [InlineData("{\"id\":\"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1\",\"properties\":{}}", "is not a backup job's resource id")]
        [InlineData("{\"name\":\"j\",\"properties\":{\"errorDetails\":[17]}}", "'errorDetails' hold Number")]
        public void A_malformed_job_is_a_problem_of_its_own_and_the_others_are_read(string badJob, string problem)
        {
            var export = JobExportReader.Parse(Utf8("[" + FailedJob + "," + badJob + "," + FailedJob + "]"), "mixed.json");

            Assert.Equal(2, export.Jobs.Count);
            var invalid = Assert.Single(export.InvalidJobs);
            Assert.Equal(2, invalid.Job);
            Assert.Equal("mixed.json", invalid.Path);
            Assert.StartsWith("Job 2 of 'mixed.json' is not a valid backup job: ", invalid.Message, StringComparison.Ordinal);
            Assert.Contains(problem, invalid.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_job_with_text_that_is_not_utf8_is_a_problem_of_its_own()
        {
            var latin1 = Encoding.Latin1.GetBytes("[" + FailedJob.Replace("\"vm1\",", "\"vm-Å\",") + "," + FailedJob + "]");

            var export = JobExportReader.Parse(latin1, "latin1.json");

            Assert.Single(export.Jobs);
            var invalid = Assert.Single(export.InvalidJobs);
            Assert.Equal(1, invalid.Job);
            Assert.Contains("'entityFriendlyName' is not valid Unicode text", invalid.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("utf-16")]
        [InlineData("utf-16BE")]
        public void Utf16_with_a_byte_order_mark_is_read_like_utf8(string encoding)
        {
            var json = "[" + FailedJob.Replace("\"vm1\",", "\"vm-東京-😀\",") + "]";
            var utf16 = Encoding.GetEncoding(encoding);

            var job = Assert.Single(JobExportReader.Parse([.. utf16.GetPreamble(), .. utf16.GetBytes(json)], "ps51.json").Jobs);

            Assert.Equal("vm-東京-😀", job.WorkloadName);
            Assert.Equal("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1", job.VmId);
            Assert.Equal("320001", Assert.Single(job.Errors).Code);
        }

        [Fact]
        public void A_utf16_job_with_a_lone_surrogate_is_a_problem_of_its_own_not_silently_changed()
        {
            var json = "\uFEFF[" + FailedJob.Replace("\"vm1\",", "\"vm\uD800x\",") + "," + FailedJob + "]";
            var utf16 = json.SelectMany(c => new[] { (byte)c, (byte)(c >> 8) }).ToArray(); // Encoding.Unicode would replace the surrogate

            var export = JobExportReader.Parse(utf16, "lone.json");

            Assert.Single(export.Jobs);
            Assert.Equal(1, Assert.Single(export.InvalidJobs).Job);
        }

        [Fact]
        public void A_missing_file_is_reported_as_such()
        {
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
            var ex = Assert.Throws<FileNotFoundException>(() => JobExportReader.Read(path));
            Assert.Equal(path, ex.FileName);
        }
    }
}
