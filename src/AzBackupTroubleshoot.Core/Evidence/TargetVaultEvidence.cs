namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>The Recovery Services vault (and backup policy) named to protect a VM that is not protected yet.</summary>
    public sealed record TargetVaultEvidence
    {
        /// <summary>No vault was named: the pre-enable checks do not apply.</summary>
        public static TargetVaultEvidence NotGiven { get; } = new();

        public string? VaultId { get; init; }

        public string? VaultName { get; init; }

        /// <summary>The vault's region as ARM names it ("westeurope").</summary>
        public string? Location { get; init; }

        /// <summary>The policy named with -PolicyName; null when none was named.</summary>
        public string? PolicyName { get; init; }

        /// <summary>The Azure VM policy's policyType: V1 (Standard) or V2 (Enhanced).</summary>
        public string? PolicyType { get; init; }

        /// <summary>The service's answer to backupPreValidateProtection; null when it was not asked.</summary>
        public ProtectionPreValidationEvidence? PreValidation { get; init; }

        public bool IsGiven => VaultId != null;

        /// <summary>True for an Enhanced (V2) policy, false for a Standard one, null when no policy was named.</summary>
        public bool? IsEnhancedPolicy => PolicyName == null ? null : string.Equals(PolicyType, "V2", System.StringComparison.OrdinalIgnoreCase);
    }
}
