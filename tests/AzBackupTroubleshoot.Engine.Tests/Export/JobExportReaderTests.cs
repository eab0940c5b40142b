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
            var job = Assert.Single(JobExportReader.Parse(Utf8(FailedJob), "show.json"));

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
            Assert.Equal(2, JobExportReader.Parse(Utf8("[" + FailedJob + "," + FailedJob + "]"), "list.json").Count);
            Assert.Single(JobExportReader.Parse(Utf8("{\"value\":[" + FailedJob + "]}"), "page.json"));
        }

        [Fact]
        public void Iso_durations_textual_codes_and_a_byte_order_mark_are_accepted()
        {
            var json = FailedJob.Replace("\"0:30:54.877000\"", "\"PT12.5S\"").Replace("320001", "\"UserErrorVmNotInDesirableState\"");
            var job = JobExportReader.Parse([0xEF, 0xBB, 0xBF, .. Utf8(json)], "bom.json").Single();
            Assert.Equal(TimeSpan.FromSeconds(12.5), job.Duration);
            Assert.Equal("UserErrorVmNotInDesirableState", job.Errors[0].Code);
        }

        [Fact]
        public void A_job_without_error_details_has_no_errors()
        {
            var json = "[{\"name\":\"j\",\"properties\":{\"operation\":\"Backup\",\"status\":\"Completed\",\"entityFriendlyName\":\"vm2\"}}]";
            var job = JobExportReader.Parse(Utf8(json), "ok.json").Single();
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
        [InlineData("[{\"name\":\"no properties\"}]")]
        [InlineData("[17]")]
        public void Json_that_is_not_a_job_export_is_refused(string json) =>
            Assert.Throws<JobExportFormatException>(() => JobExportReader.Parse(Utf8(json), "other.json"));

        [Fact]
        public void A_missing_file_is_reported_as_such()
        {
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
            var ex = Assert.Throws<FileNotFoundException>(() => JobExportReader.Read(path));
            Assert.Equal(path, ex.FileName);
        }
    }
}
