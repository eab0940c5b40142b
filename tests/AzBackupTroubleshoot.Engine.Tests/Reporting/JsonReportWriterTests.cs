using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using AzBackupTroubleshoot.Engine.Reporting;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Engine.Tests.Reporting
{
    public class JsonReportWriterTests
    {
        private static ReadinessResult Result(string vm, string rule, RuleResult result, string? remedy = null) => new()
        {
            VmName = vm,
            ResourceGroupName = "rg",
            SubscriptionId = "00000000-0000-0000-0000-000000000001",
            VmId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/" + vm,
            RuleId = rule,
            Title = "标题 " + rule,
            Severity = RuleSeverity.Error,
            Result = result,
            Evidence = "evidence \"quoted\"",
            KnowledgeIds = ["B4"],
            Remedy = remedy,
            Culture = SupportedCulture.SimplifiedChinese,
            CollectedAt = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero),
        };

        [Fact]
        public void Results_are_grouped_per_vm_with_verdicts_and_parse_back()
        {
            var writer = new StringWriter();
            new JsonReportWriter().Write(
                [Result("vm1", "RestorePoint.Limit", RuleResult.Fail, "清理"), Result("vm1", "VM.Exists", RuleResult.Pass), Result("vm2", "VM.Exists", RuleResult.Pass)],
                writer);

            using var doc = JsonDocument.Parse(writer.ToString());
            var root = doc.RootElement;
            Assert.Equal(2, root.GetProperty("summary").GetProperty("vms").GetInt32());
            Assert.Equal(1, root.GetProperty("summary").GetProperty("notReady").GetInt32());
            Assert.Equal(1, root.GetProperty("summary").GetProperty("ready").GetInt32());
            var vm1 = root.GetProperty("vms").EnumerateArray().First();
            Assert.Equal("NotReady", vm1.GetProperty("verdict").GetString());
            Assert.Equal(1, vm1.GetProperty("failed").GetInt32());
            var failed = vm1.GetProperty("results").EnumerateArray().First();
            Assert.Equal("Fail", failed.GetProperty("result").GetString());
            Assert.Equal("清理", failed.GetProperty("remedy").GetString());
            Assert.Equal("evidence \"quoted\"", failed.GetProperty("evidence").GetString());
            Assert.Equal(JsonValueKind.Null, vm1.GetProperty("results")[1].GetProperty("remedy").ValueKind);
            Assert.Contains("标题", writer.ToString(), StringComparison.Ordinal); // readable, not \u-escaped
        }
    }
}
