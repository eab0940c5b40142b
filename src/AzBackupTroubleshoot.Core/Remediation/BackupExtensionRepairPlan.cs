using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>
    /// The documented fix for a backup extension stuck in deletion or failed (A9): with the VM agent responsive,
    /// remove the VMSnapshot / VMSnapshotLinux extension so the next backup installs it afresh.
    /// </summary>
    public sealed class BackupExtensionRepairPlan
    {
        private BackupExtensionRepairPlan(VmIdentity vm, IReadOnlyList<ExtensionEvidence> extensions, string? refusalReason)
        {
            Vm = vm;
            Extensions = extensions;
            RefusalReason = refusalReason;
        }

        public VmIdentity Vm { get; }

        /// <summary>The backup extensions to remove.</summary>
        public IReadOnlyList<ExtensionEvidence> Extensions { get; }

        /// <summary>Why the repair must not run (agent not ready, nothing to remove); null when it may.</summary>
        public string? RefusalReason { get; }

        /// <param name="vm">The VM's evidence.</param>
        /// <param name="agentReady">The Agent.Ready rule: removing the extension is only safe with a responsive agent.</param>
        public static BackupExtensionRepairPlan For(VmEvidence vm, IReadinessRule agentReady)
        {
            if (!vm.Exists)
            {
                return new BackupExtensionRepairPlan(vm.Vm, [], $"{vm.Vm.Name} does not exist.");
            }

            var extensions = (vm.Extensions ?? []).Where(e => e.IsBackupExtension).ToList();
            if (vm.Extensions == null)
            {
                return new BackupExtensionRepairPlan(vm.Vm, [], $"The extensions of {vm.Vm.Name} could not be read.");
            }

            if (extensions.Count == 0)
            {
                return new BackupExtensionRepairPlan(vm.Vm, [], $"{vm.Vm.Name} has no VMSnapshot or VMSnapshotLinux extension to remove; the next backup installs it.");
            }

            var agent = agentReady.Evaluate(vm);
            return agent.Result == RuleResult.Pass
                ? new BackupExtensionRepairPlan(vm.Vm, extensions, null)
                : new BackupExtensionRepairPlan(vm.Vm, extensions, $"The VM agent must be installed and Ready before the backup extension is removed: {agent.Evidence.English}");
        }
    }
}
