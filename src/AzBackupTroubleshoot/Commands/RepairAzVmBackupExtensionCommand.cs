using System;
using System.Linq;
using System.Management.Automation;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Remediation;
using AzBackupTroubleshoot.Rules;
using AzBackupTroubleshoot.Rules.Checks;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>
    /// The documented fix for a backup extension stuck in deletion or failed (A9): removes VMSnapshot /
    /// VMSnapshotLinux so the next backup installs it afresh — only while the VM agent is Ready.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Repair, "AzVmBackupExtension", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(RemediationResult))]
    public sealed class RepairAzVmBackupExtensionCommand : VmRemediationCmdlet
    {
        /// <summary>
        /// <para type="description">Start an on-demand backup after the removal, which reinstalls the extension.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter TriggerBackup { get; set; }

        protected override void ProcessRecord() =>
            Remediate(PlanAndConfirm, (executor, plan, evidence, ct) => executor.RepairExtensionAsync(plan, evidence, TriggerBackup.IsPresent, ct), ErrorIds.BackupExtensionRepairFailed);

        private BackupExtensionRepairPlan? PlanAndConfirm(VmEvidence evidence)
        {
            var agentReady = RuleCatalog.Default.Get(AgentReadyRule.RuleId) ?? throw new InvalidOperationException($"The rule catalog has no {AgentReadyRule.RuleId} rule.");
            var plan = BackupExtensionRepairPlan.For(evidence, agentReady);
            if (plan.RefusalReason != null)
            {
                WriteError(ErrorIds.BackupExtensionRepairRefused.Record(new InvalidOperationException(plan.RefusalReason), plan.Vm.ResourceId));
                return null;
            }

            var names = string.Join(", ", plan.Extensions.Select(e => $"{e.Name} ({e.Type})"));
            var action = TriggerBackup.IsPresent ? $"Remove extension {names} and trigger an on-demand backup" : $"Remove extension {names}";
            return ShouldProcess(plan.Vm.ResourceId, action) ? plan : null;
        }
    }
}
