using System;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>What the pre-enable rules do alike: judge only when a vault was named, and name it.</summary>
    internal static class TargetVaultCheck
    {
        /// <summary>Not collected (null) is Unknown; no vault named is NotApplicable; otherwise the rule judges.</summary>
        public static RuleOutcome IfGiven(VmEvidence evidence, Func<TargetVaultEvidence, RuleOutcome> judge) => evidence.TargetVault switch
        {
            null => MissingEvidenceText.NotCollected(EvidencePart.TargetVault),
            { IsGiven: false } => RuleOutcome.NotApplicable("No vault was named with -VaultId or -VaultName, so this pre-enable check does not apply."),
            var vault => judge(vault),
        };

        public static string Name(TargetVaultEvidence vault) => $"vault '{vault.VaultName ?? vault.VaultId}'";

        /// <summary>Whether two region names are the same ("West Europe" and "westeurope" alike).</summary>
        public static bool SameRegion(string left, string right) =>
            string.Equals(left.Replace(" ", string.Empty), right.Replace(" ", string.Empty), StringComparison.OrdinalIgnoreCase);
    }
}
