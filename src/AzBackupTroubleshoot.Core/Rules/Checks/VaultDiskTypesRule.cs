using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// Vault.DiskTypes (G19): per the Azure VM backup support matrix, Ultra and Premium SSD v2 disks are backed up
    /// only with the Enhanced policy; shared disks are not backed up at all (the Enhanced policy can exclude them and
    /// back up the rest, the Standard policy cannot); Standard SSD disks need a vault on the current backup stack.
    /// </summary>
    public sealed class VaultDiskTypesRule : ReadinessRule
    {
        public const string RuleId = "Vault.DiskTypes";

        private static readonly string[] EnhancedOnlyTypes = ["UltraSSD_LRS", "PremiumV2_LRS"];

        public VaultDiskTypesRule()
            : base(
                RuleId,
                new LocalizedText("The vault's policy can back up every disk type of the VM", "保管库的策略可以备份 VM 的所有磁盘类型", "保存庫的原則可以備份 VM 的所有磁碟類型"),
                RuleSeverity.Error,
                ["G19"],
                EvidencePart.Disks,
                EvidencePart.TargetVault)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            TargetVaultCheck.IfGiven(evidence, vault => IfCollected(evidence.Disks, EvidencePart.Disks, disks => Judge(vault, disks)));

        private static RuleOutcome Judge(TargetVaultEvidence vault, IReadOnlyList<DiskEvidence> disks)
        {
            if (disks.Count == 0)
            {
                return RuleOutcome.Unknown("The VM model lists no disks.");
            }

            var enhancedOnly = disks.Where(d => EnhancedOnlyTypes.Any(t => EvidenceText.Is(d.StorageAccountType, t))).ToList();
            var shared = disks.Where(d => d.MaxShares > 1).ToList();
            var types = string.Join(", ", disks.Select(d => d.StorageAccountType ?? "unmanaged").Distinct(System.StringComparer.OrdinalIgnoreCase));
            if (enhancedOnly.Count == 0 && shared.Count == 0)
            {
                var standardSsd = disks.Any(d => EvidenceText.Is(d.StorageAccountType, "StandardSSD_LRS") || EvidenceText.Is(d.StorageAccountType, "StandardSSD_ZRS"))
                    ? " Standard SSD disks are backed up by vaults on the current (instant restore) backup stack."
                    : string.Empty;
                return RuleOutcome.Pass($"{EvidenceText.Count(disks.Count, "disk")} of type {types}: any policy type can back them up.{standardSsd}");
            }

            var clauses = new List<string>();
            if (enhancedOnly.Count > 0)
            {
                clauses.Add($"{Names(enhancedOnly)} ({string.Join(", ", enhancedOnly.Select(d => d.StorageAccountType).Distinct())}) can be backed up only with an Enhanced policy");
            }

            if (shared.Count > 0)
            {
                clauses.Add($"{Names(shared)} is shared (maxShares above 1) and is not backed up; only an Enhanced policy can exclude it and back up the other disks");
            }

            return vault.IsEnhancedPolicy switch
            {
                true when shared.Count > 0 => RuleOutcome.Warning(EvidenceText.Sentence(clauses.Append($"the {vault.PolicyText} backs up the other disks"))),
                true => RuleOutcome.Pass(EvidenceText.Sentence(clauses.Append($"the {vault.PolicyText} is one"))),
                false => RuleOutcome.Fail(EvidenceText.Sentence(clauses.Append($"the {vault.PolicyText} is a Standard policy"))),
                null => RuleOutcome.Warning(EvidenceText.Sentence(clauses.Append("no policy was named (-PolicyName), so choose an Enhanced policy"))),
            };
        }

        private static string Names(IEnumerable<DiskEvidence> disks) => string.Join(", ", disks.Select(d => $"disk '{d.Name}'"));
    }
}
