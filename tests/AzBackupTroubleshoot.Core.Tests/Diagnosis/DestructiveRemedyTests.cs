using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Core.Tests.Diagnosis
{
    /// <summary>A step that stops or deletes something is ready to run only when the error is surely the documented one.</summary>
    public class DestructiveRemedyTests
    {
        private const string VmId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1";
        private const string VaultId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rgv/providers/Microsoft.RecoveryServices/vaults/vault1";

        private static readonly KnowledgeBase Kb = InlineKnowledge.From(InlineKnowledge.Entry(
            "A12",
            "<code>320001</code>",
            "<message>Could not perform the operation as VM no longer exists</message>",
            "<cause id=\"vm-deleted\" checks=\"VM.Exists\"><en>Deleted</en><zh-CN>已删除</zh-CN><zh-TW>已刪除</zh-TW></cause>",
            "<remedy command=\"Test-AzVmBackupReadiness -ResourceId '{VmId}'\"><en>Check</en><zh-CN>检查</zh-CN><zh-TW>檢查</zh-TW></remedy>"
            + "<remedy destructive=\"true\" command=\"Disable-AzRecoveryServicesBackupProtection -Name '{VMName}' -VaultId '{VaultId}'\"><en>Stop protection</en><zh-CN>停止保护</zh-CN><zh-TW>停止保護</zh-TW></remedy>"));

        private static BackupFailureDiagnosis Diagnose(string? code, string message, SupportedCulture culture = SupportedCulture.English, RuleOutcomeCauseJudge? judge = null) =>
            new FailureDiagnoser(Kb, culture, _ => judge).DiagnoseJobs([new JobEvidence
            {
                JobId = "j1",
                Operation = "Backup",
                BackupManagementType = "AzureIaasVM",
                WorkloadName = "vm1",
                VmId = VmId,
                VaultId = VaultId,
                Errors = [new JobError(code, message, [])],
            }]).Single();

        [Fact]
        public void Recognised_by_message_only_the_destructive_command_is_withheld_with_a_note()
        {
            var d = Diagnose("0", "Could not perform the operation as VM no longer exists.");

            Assert.Equal(MatchConfidence.High, d.Confidence);
            Assert.Equal($"Test-AzVmBackupReadiness -ResourceId '{VmId}'", d.Remedies[0].Command);
            Assert.Null(d.Remedies[0].Note);
            var stop = d.Remedies[1];
            Assert.True(stop.Destructive);
            Assert.Equal("Stop protection", stop.Text);
            Assert.Null(stop.Command);
            Assert.StartsWith("Disable-AzRecoveryServicesBackupProtection", stop.CommandTemplate);
            Assert.StartsWith("Command withheld: this step stops or deletes something", stop.Note);
        }

        [Fact]
        public void Recognised_by_code_the_destructive_command_is_ready()
        {
            var stop = Diagnose("320001", "Could not perform the operation as VM no longer exists.").Remedies[1];

            Assert.Equal($"Disable-AzRecoveryServicesBackupProtection -Name 'vm1' -VaultId '{VaultId}'", stop.Command);
            Assert.Null(stop.Note);
        }

        [Fact]
        public void Evidence_that_confirms_a_cause_releases_the_destructive_command()
        {
            var judge = new RuleOutcomeCauseJudge(new Dictionary<string, RuleOutcome> { ["VM.Exists"] = RuleOutcome.Fail(LocalizedText.Verbatim("VM not found (404)")) });

            var stop = Diagnose("0", "Could not perform the operation as VM no longer exists.", judge: judge).Remedies[1];

            Assert.NotNull(stop.Command);
            Assert.Null(stop.Note);
        }

        [Theory]
        [InlineData(SupportedCulture.SimplifiedChinese, "暂不提供可直接运行的命令")]
        [InlineData(SupportedCulture.TraditionalChinese, "暫不提供可直接執行的命令")]
        public void The_withheld_note_follows_the_culture(SupportedCulture culture, string start) =>
            Assert.StartsWith(start, Diagnose("0", "Could not perform the operation as VM no longer exists.", culture).Remedies[1].Note);
    }
}
