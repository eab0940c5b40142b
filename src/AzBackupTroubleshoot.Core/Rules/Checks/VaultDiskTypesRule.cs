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
                return RuleOutcome.Unknown("The VM model lists no disks.", "虚拟机模型未列出任何磁盘。", "虛擬機器模型未列出任何磁碟。");
            }

            var enhancedOnly = disks.Where(d => EnhancedOnlyTypes.Any(t => EvidenceText.Is(d.StorageAccountType, t))).ToList();
            var shared = disks.Where(d => d.MaxShares > 1).ToList();
            if (enhancedOnly.Count == 0 && shared.Count == 0)
            {
                var types = EvidenceText.List(disks.Select(d => d.StorageAccountType ?? "unmanaged").Distinct(System.StringComparer.OrdinalIgnoreCase));
                var standardSsd = disks.Any(d => EvidenceText.Is(d.StorageAccountType, "StandardSSD_LRS") || EvidenceText.Is(d.StorageAccountType, "StandardSSD_ZRS"))
                    ? new LocalizedText(
                        " Standard SSD disks are backed up by vaults on the current (instant restore) backup stack.",
                        "标准 SSD 磁盘由使用当前（即时还原）备份堆栈的保管库备份。",
                        "標準 SSD 磁碟由使用目前（立即還原）備份堆疊的保存庫備份。")
                    : LocalizedText.Verbatim(string.Empty);
                return RuleOutcome.Pass(new LocalizedText(
                    $"{EvidenceText.Count(disks.Count, "disk")} of type {types.English}: any policy type can back them up.",
                    $"{disks.Count} 个磁盘，类型为 {types.SimplifiedChinese}：任何策略类型都可以备份它们。",
                    $"{disks.Count} 個磁碟，類型為 {types.TraditionalChinese}：任何原則類型都可以備份它們。").Append(standardSsd));
            }

            var clauses = new List<LocalizedText>();
            if (enhancedOnly.Count > 0)
            {
                var names = Names(enhancedOnly);
                var types = EvidenceText.List(enhancedOnly.Select(d => d.StorageAccountType!).Distinct());
                clauses.Add(new LocalizedText(
                    $"{names.English} ({types.English}) can be backed up only with an Enhanced policy",
                    $"{names.SimplifiedChinese}（{types.SimplifiedChinese}）只能使用增强策略备份",
                    $"{names.TraditionalChinese}（{types.TraditionalChinese}）只能使用增強原則備份"));
            }

            if (shared.Count > 0)
            {
                var names = Names(shared);
                clauses.Add(new LocalizedText(
                    $"{names.English} is shared (maxShares above 1) and is not backed up; only an Enhanced policy can exclude it and back up the other disks",
                    $"{names.SimplifiedChinese}为共享磁盘（maxShares 大于 1），不会被备份；只有增强策略才能排除它并备份其他磁盘",
                    $"{names.TraditionalChinese}為共用磁碟（maxShares 大於 1），不會備份；只有增強原則才能排除它並備份其他磁碟"));
            }

            return vault.IsEnhancedPolicy switch
            {
                true when shared.Count > 0 => RuleOutcome.Warning(EvidenceText.Sentence(clauses.Append(BacksUpTheOthers(vault)))),
                true => RuleOutcome.Pass(EvidenceText.Sentence(clauses.Append(TargetVaultCheck.PolicyIsEnhanced(vault)))),
                false => RuleOutcome.Fail(EvidenceText.Sentence(clauses.Append(TargetVaultCheck.PolicyIsStandard(vault)))),
                null => RuleOutcome.Warning(EvidenceText.Sentence(clauses.Append(TargetVaultCheck.NoPolicyNamed))),
            };
        }

        private static LocalizedText BacksUpTheOthers(TargetVaultEvidence vault)
        {
            var policy = TargetVaultCheck.Policy(vault);
            return new LocalizedText($"the {policy.English} backs up the other disks", $"{policy.SimplifiedChinese}会备份其他磁盘", $"{policy.TraditionalChinese}會備份其他磁碟");
        }

        /// <summary>"disk 'a', disk 'b'".</summary>
        private static LocalizedText Names(IEnumerable<DiskEvidence> disks)
        {
            var list = disks.ToList();
            return new LocalizedText(
                string.Join(", ", list.Select(d => $"disk '{d.Name}'")),
                string.Join("、", list.Select(d => $"磁盘“{d.Name}”")),
                string.Join("、", list.Select(d => $"磁碟「{d.Name}」")));
        }
    }
}
