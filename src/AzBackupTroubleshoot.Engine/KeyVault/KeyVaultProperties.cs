using System.Collections.Generic;

namespace AzBackupTroubleshoot.Engine.KeyVault
{
    /// <summary>properties of a Key Vault (management plane): how access is granted.</summary>
    public sealed class KeyVaultProperties
    {
        public string? TenantId { get; set; }

        /// <summary>True: Azure RBAC decides access and access policies are ignored.</summary>
        public bool? EnableRbacAuthorization { get; set; }

        public List<KeyVaultAccessPolicy>? AccessPolicies { get; set; }
    }
}
