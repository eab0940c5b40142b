using System.Collections.Generic;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>VM.Exists (A12): a deleted VM that is still protected fails every backup with ResourceNotFound.</summary>
    public sealed class VmExistsRule : IReadinessRule
    {
        public const string RuleId = "VM.Exists";

        public string Id => RuleId;

        public LocalizedText Title { get; } = new("The VM exists", "虚拟机存在", "虛擬機器存在");

        public RuleSeverity Severity => RuleSeverity.Error;

        public IReadOnlyList<string> Guards { get; } = ["A12"];

        public IReadOnlyList<EvidencePart> Reads { get; } = [EvidencePart.Vm];

        // Not a ReadinessRule: this is the one check that judges a missing VM instead of skipping it.
        public RuleOutcome Evaluate(VmEvidence evidence)
        {
            var vm = evidence.Vm;
            if (!evidence.Exists)
            {
                var protectedBy = evidence.Protection?.ProtectedItemId != null
                    ? $"; it is still protected ({evidence.Protection.ProtectedItemId}), so its backups fail"
                    : string.Empty;
                return RuleOutcome.Fail($"ARM answered 404 for VM '{vm.Name}' in resource group {vm.ResourceGroupName}: it was deleted or never existed{protectedBy}.");
            }

            return MissingEvidenceText.UnknownIfGap(evidence, Reads)
                ?? RuleOutcome.Pass($"ARM returned VM '{vm.Name}' in resource group {vm.ResourceGroupName}.");
        }
    }
}
