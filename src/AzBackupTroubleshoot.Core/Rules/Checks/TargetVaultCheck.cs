using System;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>What the pre-enable rules do alike: judge only when a vault was named, and name it and its policy.</summary>
    internal static class TargetVaultCheck
    {
        /// <summary>"no policy was named (-PolicyName), so choose an Enhanced policy": the clause when no policy was named.</summary>
        public static LocalizedText NoPolicyNamed { get; } = new(
            "no policy was named (-PolicyName), so choose an Enhanced policy",
            "未指定策略（-PolicyName），请选择增强策略",
            "未指定原則（-PolicyName），請選擇增強原則");

        /// <summary>Not collected (null) is Unknown; no vault named is NotApplicable; otherwise the rule judges.</summary>
        public static RuleOutcome IfGiven(VmEvidence evidence, Func<TargetVaultEvidence, RuleOutcome> judge) => evidence.TargetVault switch
        {
            null => MissingEvidenceText.NotCollected(EvidencePart.TargetVault),
            { IsGiven: false } => RuleOutcome.NotApplicable(
                "No vault was named with -VaultId or -VaultName, so this pre-enable check does not apply.",
                "未通过 -VaultId 或 -VaultName 指定保管库，因此本启用前检查不适用。",
                "未透過 -VaultId 或 -VaultName 指定保存庫，因此本啟用前檢查不適用。"),
            var vault => judge(vault),
        };

        /// <summary>"vault 'vault-main'".</summary>
        public static LocalizedText Name(TargetVaultEvidence vault)
        {
            var name = vault.VaultName ?? vault.VaultId;
            return new LocalizedText($"vault '{name}'", $"保管库“{name}”", $"保存庫「{name}」");
        }

        /// <summary>"Standard policy 'DefaultPolicy'" or "Enhanced policy 'EnhancedPolicy'".</summary>
        public static LocalizedText Policy(TargetVaultEvidence vault)
        {
            var enhanced = vault.IsEnhancedPolicy == true;
            return new LocalizedText(
                $"{(enhanced ? "Enhanced" : "Standard")} policy '{vault.PolicyName}'",
                $"{(enhanced ? "增强" : "标准")}策略“{vault.PolicyName}”",
                $"{(enhanced ? "增強" : "標準")}原則「{vault.PolicyName}」");
        }

        /// <summary>"the Enhanced policy 'EnhancedPolicy' is one": the clause when the policy named is Enhanced.</summary>
        public static LocalizedText PolicyIsEnhanced(TargetVaultEvidence vault)
        {
            var policy = Policy(vault);
            return new LocalizedText($"the {policy.English} is one", $"{policy.SimplifiedChinese}正是增强策略", $"{policy.TraditionalChinese}正是增強原則");
        }

        /// <summary>"the Standard policy 'DefaultPolicy' is a Standard policy": the clause when the policy named is Standard.</summary>
        public static LocalizedText PolicyIsStandard(TargetVaultEvidence vault)
        {
            var policy = Policy(vault);
            return new LocalizedText($"the {policy.English} is a Standard policy", $"{policy.SimplifiedChinese}是标准策略", $"{policy.TraditionalChinese}是標準原則");
        }

        /// <summary>Whether two region names are the same ("West Europe" and "westeurope" alike).</summary>
        public static bool SameRegion(string left, string right) =>
            string.Equals(left.Replace(" ", string.Empty), right.Replace(" ", string.Empty), StringComparison.OrdinalIgnoreCase);
    }
}
