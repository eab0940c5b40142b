using System;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace AzBackupTroubleshoot.Module.Tests.Cmdlets
{
    [Collection(ModuleCollection.Name)]
    public sealed class FailureDiagnosisTests : IDisposable
    {
        private const string CommandType = "AzBackupTroubleshoot.Commands.GetAzBackupFailureDiagnosisCommand";
        private readonly ModuleSession _session;
        private readonly string _scratch = Path.Combine(Path.GetTempPath(), "azbt-module-tests-" + Guid.NewGuid().ToString("N"));

        public FailureDiagnosisTests(ModuleSession session)
        {
            _session = session;
            Directory.CreateDirectory(_scratch);
        }

        public void Dispose() => Directory.Delete(_scratch, recursive: true);

        [Fact]
        public void ErrorCode_gives_a_diagnosis_per_code_and_an_error_for_an_unknown_one()
        {
            var result = _session.Run("Get-AzBackupFailureDiagnosis -ErrorCode 320001, Bogus42, 0x29834 -Culture en-US");

            Assert.Equal(["A12", "F12"], result.Strings("KnowledgeId"));
            Assert.All(result.Output, d => Assert.Equal("Diagnosed", d.Properties["Status"].Value.ToString()));
            Assert.Equal("AzBackupTroubleshoot.Diagnosis.BackupFailureDiagnosis", result.Output[0].BaseObject.GetType().FullName);
            var error = Assert.Single(result.Errors);
            Assert.Equal("ErrorCodeNotFound," + CommandType, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("Bogus42", error.TargetObject);
        }

        [Fact]
        public void Strings_on_the_pipeline_are_error_codes()
        {
            var result = _session.Run("'UserErrorRpCollectionLimitReached' | Get-AzBackupFailureDiagnosis");

            Assert.Equal(["B4"], result.Strings("KnowledgeId"));
        }

        [Fact]
        public void The_bundled_sample_is_diagnosed_with_repeats_folded()
        {
            var result = _session.Run($"Get-AzBackupFailureDiagnosis -Path '{RepoPaths.Sample("az-backup-job-list.json")}' -IncludeAllJobs");

            Assert.Empty(result.Errors);
            Assert.Contains(result.Output, d => d.Properties["Status"].Value.ToString() == "Diagnosed");
            Assert.Contains(result.Output, d => d.Properties["Status"].Value.ToString() == "NothingToDiagnose");
            Assert.Contains(result.Output, d => (int)d.Properties["Count"].Value > 1);
            var jobIds = result.Output.SelectMany(d => ((System.Collections.IEnumerable)d.Properties["JobIds"].Value).Cast<string>()).ToList();
            Assert.Equal(jobIds.Distinct().Count(), jobIds.Count);
        }

        [Fact]
        public void A_relative_path_is_resolved_against_the_current_location()
        {
            var result = _session.Run(
                "$before = $ExecutionContext.SessionState.Path.CurrentLocation; "
                + $"$null = $ExecutionContext.SessionState.Path.SetLocation('{Path.Combine(RepoPaths.Root, "docs")}'); "
                + "try { Get-AzBackupFailureDiagnosis -Path samples/az-backup-job-list.json } finally { $null = $ExecutionContext.SessionState.Path.SetLocation($before) }");

            Assert.Empty(result.Errors);
            Assert.NotEmpty(result.Output);
        }

        [Fact]
        public void A_missing_file_is_ExportFileNotFound_naming_the_path()
        {
            var path = Path.Combine(_scratch, "nowhere.json");

            var result = _session.Run($"Get-AzBackupFailureDiagnosis -Path '{path}'");

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.Equal("ExportFileNotFound," + CommandType, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.IsType<ItemNotFoundException>(error.Exception);
            Assert.Equal(path, error.TargetObject);
            Assert.Contains(path, error.Exception.Message);
        }

        [Fact]
        public void Malformed_json_is_ExportFileInvalid_naming_path_line_and_position()
        {
            var path = Path.Combine(_scratch, "broken.json");
            File.WriteAllText(path, "[\n  {\n    \"name\": \"job-1\",,\n  }\n]\n");

            var result = _session.Run($"Get-AzBackupFailureDiagnosis -Path '{path}'");

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.Equal("ExportFileInvalid," + CommandType, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal(path, error.TargetObject);
            Assert.IsType<InvalidDataException>(error.Exception);
            Assert.Contains(path, error.Exception.Message);
            Assert.Contains("line 3", error.Exception.Message);
            Assert.Contains("position", error.Exception.Message);
        }

        [Fact]
        public void A_wildcard_path_reads_every_matching_file_and_folds_across_them()
        {
            var sample = File.ReadAllText(RepoPaths.Sample("az-backup-job-list.json"));
            File.WriteAllText(Path.Combine(_scratch, "week1.json"), sample);
            File.WriteAllText(Path.Combine(_scratch, "week2.json"), sample);

            var single = _session.Run($"Get-AzBackupFailureDiagnosis -Path '{Path.Combine(_scratch, "week1.json")}'");
            var both = _session.Run($"Get-AzBackupFailureDiagnosis -Path '{Path.Combine(_scratch, "week*.json")}'");

            Assert.Empty(both.Errors);
            Assert.Equal(single.Output.Count, both.Output.Count);
            Assert.Equal(
                single.Output.Select(d => 2 * (int)d.Properties["Count"].Value),
                both.Output.Select(d => (int)d.Properties["Count"].Value));
        }

        [Theory]
        [InlineData("none*.json")]
        [InlineData("no-such-folder/*.json")]
        public void A_wildcard_that_matches_nothing_is_ExportFileNotFound(string pattern)
        {
            var result = _session.Run($"Get-AzBackupFailureDiagnosis -Path '{Path.Combine(_scratch, pattern)}'");

            Assert.Empty(result.Output);
            Assert.Equal("ExportFileNotFound," + CommandType, Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void A_path_on_a_drive_that_does_not_exist_is_ExportFileNotFound()
        {
            var result = _session.Run("Get-AzBackupFailureDiagnosis -Path nosuchdrive:/jobs.json");

            Assert.Empty(result.Output);
            Assert.Equal("ExportFileNotFound," + CommandType, Assert.Single(result.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void A_bad_file_does_not_stop_the_good_ones()
        {
            var missing = Path.Combine(_scratch, "missing.json");

            var result = _session.Run($"Get-AzBackupFailureDiagnosis -Path '{missing}', '{RepoPaths.Sample("az-backup-job-list.json")}'");

            Assert.Single(result.Errors);
            Assert.NotEmpty(result.Output);
        }

        [Fact]
        public void LiteralPath_reads_a_name_with_brackets_as_written()
        {
            var bracketed = Path.Combine(_scratch, "jobs[1].json");
            File.Copy(RepoPaths.Sample("az-backup-job-list.json"), bracketed);
            File.WriteAllText(Path.Combine(_scratch, "jobs1.json"), "[]");

            var literal = _session.Run("param($path) Get-AzBackupFailureDiagnosis -LiteralPath $path", bracketed);
            var missing = _session.Run("param($path) Get-AzBackupFailureDiagnosis -LiteralPath $path", Path.Combine(_scratch, "jobs[2].json"));
            var wildcard = _session.Run("param($path) Get-AzBackupFailureDiagnosis -Path $path", bracketed);

            Assert.Empty(literal.Errors);
            Assert.Equal(Sample().Output.Count, literal.Output.Count);
            Assert.Empty(wildcard.Errors); // -Path reads [1] as a wildcard, as PowerShell's cmdlets do: it names jobs1.json
            Assert.Empty(wildcard.Output);
            Assert.Empty(missing.Output);
            Assert.Equal("ExportFileNotFound," + CommandType, Assert.Single(missing.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Files_from_Get_ChildItem_bind_by_their_PSPath_and_are_read_literally()
        {
            File.Copy(RepoPaths.Sample("az-backup-job-list.json"), Path.Combine(_scratch, "week[1].json"));

            // What Get-ChildItem writes (this engine has no Microsoft.PowerShell.Management): the file system provider's items, with PSPath.
            var result = _session.Run("param($folder) $ExecutionContext.SessionState.InvokeProvider.ChildItem.Get($folder, $false) | Get-AzBackupFailureDiagnosis", _scratch);

            Assert.Empty(result.Errors);
            Assert.Equal(Sample().Output.Count, result.Output.Count);
        }

        [Fact]
        public void A_wildcard_matching_names_with_brackets_reads_those_files()
        {
            File.Copy(RepoPaths.Sample("az-backup-job-list.json"), Path.Combine(_scratch, "a[1].json"));
            File.Copy(RepoPaths.Sample("az-backup-job-list.json"), Path.Combine(_scratch, "b.json"));

            var result = _session.Run("param($pattern) Get-AzBackupFailureDiagnosis -Path $pattern", Path.Combine(_scratch, "*.json"));

            Assert.Empty(result.Errors);
            Assert.Equal(
                Sample().Output.Select(d => 2 * (int)d.Properties["Count"].Value),
                result.Output.Select(d => (int)d.Properties["Count"].Value));
        }

        [Fact]
        public void An_undecodable_file_is_one_error_and_the_good_file_is_still_diagnosed()
        {
            var latin1 = Path.Combine(_scratch, "latin1.json");
            var sample = File.ReadAllText(RepoPaths.Sample("az-backup-job-list.json"));
            var first = sample.IndexOf("vm-web01", StringComparison.Ordinal);
            File.WriteAllBytes(latin1, System.Text.Encoding.Latin1.GetBytes(sample[..first] + "vm-wéb01" + sample[(first + "vm-web01".Length)..]));

            var result = _session.Run("param($bad, $good) Get-AzBackupFailureDiagnosis -LiteralPath $bad, $good", latin1, RepoPaths.Sample("az-backup-job-list.json"));

            var error = Assert.Single(result.Errors);
            Assert.Equal("ExportFileInvalid," + CommandType, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal(latin1, error.TargetObject);
            Assert.Contains("Job 1 of '" + latin1 + "'", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains(result.Output, d => (string)d.Properties["WorkloadName"].Value == "vm-web01");
        }

        [Fact]
        public void A_malformed_job_is_one_error_naming_its_position_and_the_other_jobs_are_diagnosed()
        {
            var path = Path.Combine(_scratch, "mixed.json");
            var sample = File.ReadAllText(RepoPaths.Sample("az-backup-job-list.json")).TrimStart();
            File.WriteAllText(path, "[{\"id\": \"/backupJobs/x\", \"properties\": {}}, {\"name\": \"no properties\"}, " + sample[1..]);

            var result = _session.Run("param($path) Get-AzBackupFailureDiagnosis -LiteralPath $path", path);

            Assert.Equal(["Job 1 of", "Job 2 of"], result.Errors.Select(e => e.Exception.Message[..8]));
            Assert.All(result.Errors, e => Assert.Equal("ExportFileInvalid," + CommandType, e.FullyQualifiedErrorId));
            Assert.Equal(Sample().Output.Count, result.Output.Count);
        }

        [Theory]
        [InlineData("utf-16")]
        [InlineData("utf-16BE")]
        public void A_utf16_export_with_a_byte_order_mark_is_diagnosed_like_the_utf8_one(string encoding)
        {
            // Windows PowerShell 5.1's > and Out-File write UTF-16 LE with a byte order mark.
            var path = Path.Combine(_scratch, "ps51.json");
            File.WriteAllText(path, File.ReadAllText(RepoPaths.Sample("az-backup-job-list.json")), System.Text.Encoding.GetEncoding(encoding));

            var result = _session.Run("param($path) Get-AzBackupFailureDiagnosis -LiteralPath $path", path);

            Assert.Empty(result.Errors);
            Assert.Equal(Sample().Strings("KnowledgeId"), result.Strings("KnowledgeId"));
        }

        [Fact]
        public void Az_shaped_job_objects_bind_by_property_name_and_fold()
        {
            var result = _session.Run(
                AzJob("j1", "vm-a", "Failed", "2026-11-20T02:00:00Z", "[pscustomobject]@{ ErrorCode = 320001; ErrorMessage = 'Could not perform the operation as VM no longer exists'; Recommendations = @('Stop protection') }")
                + ", " + AzJob("j2", "vm-a", "Failed", "2026-11-21T02:00:00Z", "[pscustomobject]@{ ErrorCode = 320001; ErrorMessage = 'Could not perform the operation as VM no longer exists'; Recommendations = @('Stop protection') }")
                + ", " + AzJob("j3", "vm-b", "Completed", "2026-11-21T02:00:00Z", null)
                + " | Get-AzBackupFailureDiagnosis -Culture en-US -IncludeAllJobs");

            Assert.Empty(result.Errors);
            Assert.Equal(2, result.Output.Count);
            dynamic folded = result.Output[0];
            Assert.Equal("Diagnosed", folded.Status.ToString());
            Assert.Equal("A12", (string)folded.KnowledgeId);
            Assert.Equal(2, (int)folded.Count);
            Assert.Equal("j2", (string)folded.JobId);
            Assert.Equal("Stop protection", ((System.Collections.Generic.IEnumerable<string>)folded.ServiceRecommendations).Single());
            Assert.Equal(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero), (DateTimeOffset)folded.FirstSeen);
            dynamic nothing = result.Output[1];
            Assert.Equal("NothingToDiagnose", nothing.Status.ToString());
            Assert.Equal("vm-b", (string)nothing.WorkloadName);
        }

        [Theory]
        [InlineData("en-US", "Jobs not diagnosed because they did not fail (completed, in progress or cancelled, with no error details): 3.")]
        [InlineData("zh-CN", "未诊断的作业（未失败：已完成、进行中或已取消，且没有错误详细信息）：3 个。")]
        [InlineData("zh-TW", "未診斷的作業（未失敗：已完成、進行中或已取消，且沒有錯誤詳細資料）：3 個。")]
        public void An_export_lists_only_failed_and_partly_failed_jobs_and_counts_the_rest_in_the_information_stream(string culture, string message)
        {
            var path = MixedExport();

            var result = _session.Run(
                "param($path, $culture) $d = Get-AzBackupFailureDiagnosis -Path $path -Culture $culture -InformationVariable info; [pscustomobject]@{ Diagnoses = @($d); Information = @($info) }",
                path,
                culture);

            Assert.Empty(result.Errors);
            dynamic run = Assert.Single(result.Output);
            var workloads = ((object[])run.Diagnoses).Cast<dynamic>().Select(d => (string)d.WorkloadName).OrderBy(n => n);
            Assert.Equal(["vm-failed", "vm-warned"], workloads);
            var record = (InformationRecord)((object[])run.Information).Single();
            Assert.Equal(["JobsNotDiagnosed"], record.Tags);
            Assert.Equal(3, ((dynamic)record.MessageData).Count);
            Assert.StartsWith(message, record.MessageData.ToString(), StringComparison.Ordinal);
            Assert.Contains("-IncludeAllJobs", record.MessageData.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void IncludeAllJobs_lists_every_job_of_the_export_and_counts_nothing()
        {
            var path = MixedExport();

            var result = _session.Run(
                "param($path) $d = Get-AzBackupFailureDiagnosis -Path $path -Culture en-US -IncludeAllJobs -InformationVariable info; [pscustomobject]@{ Diagnoses = @($d); Information = @($info) }",
                path);

            Assert.Empty(result.Errors);
            dynamic run = Assert.Single(result.Output);
            var diagnoses = ((object[])run.Diagnoses).Cast<dynamic>().ToList();
            Assert.Equal(["vm-cancelled", "vm-completed", "vm-failed", "vm-running", "vm-warned"], diagnoses.Select(d => (string)d.WorkloadName).OrderBy(n => n));
            Assert.Equal(["vm-cancelled", "vm-completed", "vm-running"], diagnoses.Where(d => d.Status.ToString() == "NothingToDiagnose").Select(d => (string)d.WorkloadName).OrderBy(n => n));
            Assert.Empty((object[])run.Information);
        }

        [Fact]
        public void Job_objects_on_the_pipeline_list_only_the_failed_ones_too()
        {
            var result = _session.Run(
                "$d = " + AzJob("j1", "vm-a", "Failed", "2026-11-20T02:00:00Z", "[pscustomobject]@{ ErrorCode = 320001; ErrorMessage = 'Could not perform the operation as VM no longer exists'; Recommendations = @() }")
                + ", " + AzJob("j3", "vm-b", "Completed", "2026-11-21T02:00:00Z", null)
                + ", " + AzJob("j4", "vm-c", "InProgress", "2026-11-21T03:00:00Z", null)
                + " | Get-AzBackupFailureDiagnosis -Culture en-US -InformationVariable info; [pscustomobject]@{ Diagnoses = @($d); Information = @($info) }");

            Assert.Empty(result.Errors);
            dynamic run = Assert.Single(result.Output);
            Assert.Equal(["vm-a"], ((object[])run.Diagnoses).Cast<dynamic>().Select(d => (string)d.WorkloadName));
            Assert.Equal(2, ((dynamic)((InformationRecord)((object[])run.Information).Single()).MessageData).Count);
        }

        [Fact]
        public void A_job_without_error_details_is_NothingToDiagnose_not_an_error()
        {
            var result = _session.Run(AzJob("j9", "vm-c", "Failed", "2026-11-21T02:00:00Z", null) + " | Get-AzBackupFailureDiagnosis");

            Assert.Empty(result.Errors);
            Assert.Equal("NothingToDiagnose", Assert.Single(result.Output).Properties["Status"].Value.ToString());
        }

        [Fact]
        public void An_undocumented_job_error_is_Unrecognized_with_the_service_message()
        {
            var result = _session.Run(AzJob("j7", "vm-d", "Failed", "2026-11-21T02:00:00Z", "[pscustomobject]@{ ErrorCode = 999999; ErrorMessage = 'zzz qqq'; Recommendations = @() }") + " | Get-AzBackupFailureDiagnosis");

            Assert.Empty(result.Errors);
            dynamic diagnosis = Assert.Single(result.Output);
            Assert.Equal("Unrecognized", diagnosis.Status.ToString());
            Assert.Equal("zzz qqq", (string)diagnosis.ServiceMessage);
        }

        [Theory]
        [InlineData("zh-CN")]
        [InlineData("zh-TW")]
        public void Culture_gives_chinese_diagnoses(string culture)
        {
            dynamic diagnosis = _session.Run($"Get-AzBackupFailureDiagnosis -ErrorCode 320001 -Culture {culture}").Output.Single();

            Assert.Equal(culture, (string)diagnosis.Culture);
            Assert.True(Text.HasHan((string)diagnosis.Title));
        }

        private ScriptResult Sample() => _session.Run("param($path) Get-AzBackupFailureDiagnosis -LiteralPath $path", RepoPaths.Sample("az-backup-job-list.json"));

        [Fact]
        public void A_text_that_only_resembles_a_documented_error_is_Unrecognized_naming_the_candidates()
        {
            var result = _session.Run(
                AzJob("j5", "vm-e", "Failed", "2026-11-21T02:00:00Z", "[pscustomobject]@{ ErrorCode = 0; ErrorMessage = 'The operation failed due to an internal error.' }", "Restore", "AzureVM")
                + " | Get-AzBackupFailureDiagnosis -Culture en-US");

            Assert.Empty(result.Errors);
            dynamic diagnosis = Assert.Single(result.Output);
            Assert.Equal("Unrecognized", diagnosis.Status.ToString());
            Assert.Null((string?)diagnosis.KnowledgeId);
            dynamic candidate = ((System.Collections.IEnumerable)diagnosis.Candidates).Cast<object>().Single();
            Assert.Equal("B8", (string)candidate.Id);
            Assert.Equal("Contradicted", candidate.Confidence.ToString());
            Assert.Contains("not about this kind of job (Restore, AzureVM)", (string)candidate.Why);
        }

        [Fact]
        public void The_jobs_text_code_beats_a_numeric_code_of_another_workload()
        {
            var result = _session.Run(
                AzJob("j6", "vm-f", "Failed", "2026-11-21T02:00:00Z", "[pscustomobject]@{ ErrorCode = 100110; ErrorMessage = 'UserErrorGuestAgentStatusUnavailable - VM Agent unable to communicate with Azure Backup.' }", "Backup", "AzureVM")
                + " | Get-AzBackupFailureDiagnosis -Culture en-US");

            Assert.Empty(result.Errors);
            Assert.Equal(["B1"], result.Strings("KnowledgeId"));
        }

        [Fact]
        public void A_destructive_step_is_ready_to_run_on_a_code_match_and_withheld_on_a_message_match()
        {
            var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.Sample("az-backup-job-list.json")))!.AsArray();
            var byCode = sample[0]!.DeepClone();
            var byMessage = sample[0]!.DeepClone();
            byMessage["name"] = "5a1e0000-0000-4000-8000-0000010101ff";
            byMessage["properties"]!["entityFriendlyName"] = "vm-web99";
            byMessage["properties"]!["errorDetails"]![0]!["errorCode"] = 0;
            var path = Path.Combine(_scratch, "a12.json");
            File.WriteAllText(path, new System.Text.Json.Nodes.JsonArray(byCode, byMessage).ToJsonString());

            var result = _session.Run($"Get-AzBackupFailureDiagnosis -Path '{path}' -Culture en-US");

            Assert.Empty(result.Errors);
            dynamic ByWorkload(string name) => result.Output.Single(d => (string)d.Properties["WorkloadName"].Value == name);
            dynamic StopProtection(dynamic d) => ((System.Collections.IEnumerable)d.Remedies).Cast<dynamic>().Single(r => (bool)r.Destructive);
            var ready = StopProtection(ByWorkload("vm-web01"));
            Assert.Contains("Disable-AzRecoveryServicesBackupProtection", (string)ready.Command);
            var withheld = StopProtection(ByWorkload("vm-web99"));
            Assert.Equal("A12", (string)ByWorkload("vm-web99").KnowledgeId);
            Assert.Null((string?)withheld.Command);
            Assert.StartsWith("Command withheld", (string)withheld.Note);
        }

        [Fact]
        public void ErrorCode_finds_the_code_in_text_pasted_as_it_was_seen()
        {
            var result = _session.Run(
                "Get-AzBackupFailureDiagnosis -Culture en-US -ErrorCode 'Error code: UserErrorRpCollectionLimitReached', \"'code': '320001',\", "
                + "'Status=400 Code=\"UserErrorGuestAgentStatusUnavailable\"', '**0x29834**', "
                + "'Backup failed: the restore point collection max limit has been reached.', 'Error code: Bogus42'");

            Assert.Equal(["B4", "A12", "B1", "F12", "B4"], result.Strings("KnowledgeId"));
            Assert.Equal(["TextCode", "NumericCode", "TextCode", "NumericCode", "Message"], result.Output.Select(d => d.Properties["MatchedBy"].Value.ToString()));
            var error = Assert.Single(result.Errors);
            Assert.Equal("ErrorCodeNotFound," + CommandType, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("Error code: Bogus42", error.TargetObject);
        }

        // An export of five jobs: one failed, one completed with warnings (both with errors), one completed, one in progress
        // and one cancelled (without).
        private string MixedExport()
        {
            var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.Sample("az-backup-job-list.json")))!.AsArray();
            System.Text.Json.Nodes.JsonNode Job(string workload, string status, bool withErrors)
            {
                var job = sample[0]!.DeepClone();
                job["name"] = Guid.NewGuid().ToString();
                job["properties"]!["entityFriendlyName"] = workload;
                job["properties"]!["status"] = status;
                if (!withErrors)
                {
                    job["properties"]!.AsObject().Remove("errorDetails");
                }

                return job;
            }

            var path = Path.Combine(_scratch, "mixed.json");
            File.WriteAllText(path, new System.Text.Json.Nodes.JsonArray(
                Job("vm-failed", "Failed", true),
                Job("vm-warned", "CompletedWithWarnings", true),
                Job("vm-completed", "Completed", false),
                Job("vm-running", "InProgress", false),
                Job("vm-cancelled", "Cancelled", false)).ToJsonString());
            return path;
        }

        private static string AzJob(string id, string workload, string status, string start, string? errorDetails, string operation = "Backup", string? managementType = null) =>
            $"[pscustomobject]@{{ JobId = '{id}'; Operation = '{operation}'; Status = '{status}'; WorkloadName = '{workload}'; "
            + (managementType == null ? string.Empty : $"BackupManagementType = '{managementType}'; ")
            + $"StartTime = [datetime]::Parse('{start}', [cultureinfo]::InvariantCulture, 'AdjustToUniversal'); EndTime = $null; Duration = [timespan]::FromMinutes(3); "
            + $"ErrorDetails = @({errorDetails}) }}";
    }
}
