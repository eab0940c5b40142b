using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Module.Tests.Remediation;

namespace AzBackupTroubleshoot.Module.Tests.Snapshot
{
    /// <summary>Export-AzBackupEvidence and -EvidencePath in the real PowerShell engine, against the fake ARM and then without it.</summary>
    [Collection(ModuleCollection.Name)]
    public sealed class EvidenceSnapshotCmdletTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("azbt-snapshot-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static string Line(PSObject o, params string[] properties) =>
            string.Join(" | ", properties.Select(p => o.Properties[p].Value?.ToString()));

        [Fact]
        public async Task A_readiness_snapshot_costs_the_live_runs_requests_and_judges_offline_to_its_results_without_a_request()
        {
            var world = Scenarios.Load("B4-locked-restore-point-group");
            var path = Path.Combine(_folder, "b4.json");
            await using var shell = await LiveShell.StartAsync(world);

            shell.Server.Requests.Clear();
            var live = shell.Run($"Test-AzVmBackupReadiness -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm");
            var liveRequests = shell.Server.Requests.Total;
            shell.Server.Requests.Clear();
            var export = shell.Run($"Export-AzBackupEvidence -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm -Path '{path}'");
            Assert.Empty(export.Errors);
            Assert.Equal(path, Assert.Single(export.Output).Properties["FullName"].Value);
            Assert.Equal(liveRequests, shell.Server.Requests.Total);

            shell.Server.Requests.Clear();
            var offline = shell.Run($"Test-AzVmBackupReadiness -EvidencePath '{path}'");

            Assert.Equal(0, shell.Server.Requests.Total);
            Assert.Empty(offline.Errors);
            Assert.Equal(26, offline.Output.Count);
            string[] columns = ["VmId", "RuleId", "Result", "Evidence", "KnowledgeIds", "RemedyCommand"];
            Assert.Equal(live.Output.Select(o => Line(o, columns)), offline.Output.Select(o => Line(o, columns)));
            Assert.Contains(offline.Output, o => Line(o, "RuleId", "Result") == "RestorePoint.GroupUnlocked | Fail");
        }

        [Fact]
        public async Task A_diagnosis_snapshot_of_a_vm_diagnoses_offline_as_the_live_run_did()
        {
            var world = Scenarios.Load("B4-locked-restore-point-group");
            var path = Path.Combine(_folder, "b4-jobs.json");
            await using var shell = await LiveShell.StartAsync(world);

            var live = shell.Run($"Get-AzBackupFailureDiagnosis -ResourceId '{world.VmUnderTest}' -ArmEndpoint $arm");
            var export = shell.Run($"Export-AzBackupEvidence -ResourceId '{world.VmUnderTest}' -FailedJobs -Redact -ArmEndpoint $arm -Path '{path}'");
            Assert.Empty(export.Errors);
            shell.Server.Requests.Clear();
            var offline = shell.Run($"Get-AzBackupFailureDiagnosis -EvidencePath '{path}'");

            Assert.Equal(0, shell.Server.Requests.Total);
            Assert.NotEmpty(live.Output);
            string[] columns = ["Status", "KnowledgeId", "Code", "Count"];
            Assert.Equal(live.Output.Select(o => Line(o, columns)), offline.Output.Select(o => Line(o, columns)));
            Assert.Equal(
                live.Output.Select(o => string.Join(",", ((System.Collections.IEnumerable)o.Properties["Causes"].Value).Cast<object>().Select(c => PSObject.AsPSObject(c).Properties["Status"].Value))),
                offline.Output.Select(o => string.Join(",", ((System.Collections.IEnumerable)o.Properties["Causes"].Value).Cast<object>().Select(c => PSObject.AsPSObject(c).Properties["Status"].Value))));
            var text = File.ReadAllText(path);
            Assert.DoesNotContain(Scenarios.SubscriptionId, text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("vm-001", text, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("{\"schemaVersion\": 2}", "EvidenceSchemaUnsupported", ErrorCategory.InvalidData, "schema version 2")]
        [InlineData("{\n  \"schemaVersion\": 1,\n  \"vms\": [ oops ]\n}", "EvidenceFileInvalid", ErrorCategory.InvalidData, "(line 3, position ")]
        [InlineData(null, "EvidenceFileNotFound", ErrorCategory.ObjectNotFound, "does not exist")]
        public async Task A_snapshot_that_cannot_be_judged_is_one_error_with_a_stable_id_and_no_stack_trace(string? content, string id, ErrorCategory category, string says)
        {
            var path = Path.Combine(_folder, "bad.json");
            if (content != null)
            {
                File.WriteAllText(path, content);
            }

            await using var shell = await LiveShell.StartAsync(Scenarios.Load("healthy-windows"));
            foreach (var cmdlet in new[] { "Test-AzVmBackupReadiness", "Get-AzBackupFailureDiagnosis" })
            {
                var run = shell.Run($"{cmdlet} -EvidencePath '{path}'");

                var error = Assert.Single(run.Errors);
                Assert.StartsWith(id + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(category, error.CategoryInfo.Category);
                Assert.Contains(says, error.Exception.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", error.Exception.Message, StringComparison.Ordinal);
                Assert.Empty(run.Output);
            }
        }
    }
}
