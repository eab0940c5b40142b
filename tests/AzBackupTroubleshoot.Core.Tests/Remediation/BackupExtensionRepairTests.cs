using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Remediation;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Core.Tests.Remediation
{
    public class BackupExtensionRepairTests
    {
        private sealed class FixedRule(RuleOutcome outcome) : IReadinessRule
        {
            public string Id => "Agent.Ready";
            public LocalizedText Title => new("t", "t", "t");
            public RuleSeverity Severity => RuleSeverity.Error;
            public IReadOnlyList<string> Guards => ["B1"];
            public IReadOnlyList<EvidencePart> Reads => [EvidencePart.InstanceView];
            public RuleOutcome Evaluate(VmEvidence evidence) => outcome;
        }

        private static readonly IReadinessRule Ready = new FixedRule(RuleOutcome.Pass(LocalizedText.Verbatim("agent Ready")));

        private static VmEvidence Vm(params ExtensionEvidence[] extensions) => RemediationFixtures.Vm() with { Extensions = extensions };

        private static ExtensionEvidence Extension(string name, string type, string state) => new() { Name = name, Type = type, ProvisioningState = state };

        [Fact]
        public void Only_backup_extensions_are_planned_matched_by_type()
        {
            var plan = BackupExtensionRepairPlan.For(
                Vm(Extension("snap", "VMSnapshotLinux", "Deleting"), Extension("ade", "AzureDiskEncryptionForLinux", "Succeeded")), Ready);
            Assert.Null(plan.RefusalReason);
            Assert.Equal("snap", Assert.Single(plan.Extensions).Name);
        }

        [Fact]
        public void An_agent_that_is_not_ready_refuses_the_repair_with_the_reason()
        {
            var plan = BackupExtensionRepairPlan.For(Vm(Extension("VMSnapshot", "VMSnapshot", "Failed")), new FixedRule(RuleOutcome.Fail(LocalizedText.Verbatim("agent status Not Ready"))));
            Assert.Contains("agent status Not Ready", plan.RefusalReason);
        }

        [Fact]
        public void No_backup_extension_means_nothing_to_repair()
        {
            Assert.Contains("no VMSnapshot", BackupExtensionRepairPlan.For(Vm(), Ready).RefusalReason);
            Assert.Contains("could not be read", BackupExtensionRepairPlan.For(RemediationFixtures.Vm(), Ready).RefusalReason);
        }

        [Fact]
        public async Task The_repair_removes_the_extension_then_triggers_the_backup()
        {
            var vm = Vm(Extension("VMSnapshot", "VMSnapshot", "Deleting"));
            var target = new RecordingTarget();
            var result = await new RemediationExecutor(target, System.TimeSpan.FromSeconds(5))
                .RepairExtensionAsync(BackupExtensionRepairPlan.For(vm, Ready), vm, triggerBackup: true, CancellationToken.None);
            Assert.Equal(["delete-extension VMSnapshot", "backup vm1"], target.Calls);
            Assert.True(result.Succeeded);
            Assert.Equal("job-1", result.BackupJobId);
        }

        [Fact]
        public async Task A_refused_plan_is_never_run()
        {
            var vm = Vm();
            var target = new RecordingTarget();
            await Assert.ThrowsAsync<System.InvalidOperationException>(() => new RemediationExecutor(target, System.TimeSpan.FromSeconds(5))
                .RepairExtensionAsync(BackupExtensionRepairPlan.For(vm, Ready), vm, triggerBackup: false, CancellationToken.None));
            Assert.Empty(target.Calls);
        }
    }
}
