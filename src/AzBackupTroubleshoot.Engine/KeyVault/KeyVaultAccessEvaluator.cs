using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.KeyVault
{
    /// <summary>
    /// Judges Key Vault access for the Backup Management Service (application id
    /// <see cref="BackupManagementServiceAppId"/>): secrets get,list always; keys get,list too when a KEK wraps the BEK.
    /// Access policies name principals by object id, which differs per tenant: an entry counts as the service's when
    /// its object id is the one the directory gave, or when it names the service's application id. Without the
    /// directory's answer, entries that grant enough to someone make the answer unknown.
    /// </summary>
    internal static class KeyVaultAccessEvaluator
    {
        public const string BackupManagementServiceAppId = "262044b1-e2ce-469f-a196-69ab7ada62d3";

        private static readonly string[] Needed = ["get", "list"];

        public static KeyVaultAccess Evaluate(IReadOnlyList<ArmResource<KeyVaultProperties>> vaults, bool usesKeyEncryptionKey, string? backupServiceObjectId)
        {
            var verdicts = vaults.Select(vault => EvaluateVault(vault, usesKeyEncryptionKey, backupServiceObjectId)).ToArray();
            var hasAccess = verdicts.Any(v => v.HasAccess == false) ? false
                : verdicts.All(v => v.HasAccess == true) ? true
                : (bool?)null;
            return new KeyVaultAccess(hasAccess, string.Join("; ", verdicts.Select(v => v.Detail)));
        }

        private static KeyVaultAccess EvaluateVault(ArmResource<KeyVaultProperties> vault, bool usesKeyEncryptionKey, string? backupServiceObjectId)
        {
            var name = vault.Name ?? vault.Id ?? "Key Vault";
            var properties = vault.Properties ?? new KeyVaultProperties();
            if (properties.EnableRbacAuthorization == true)
            {
                return new KeyVaultAccess(null, $"{name} uses Azure RBAC; its role assignments were not read");
            }

            var need = usesKeyEncryptionKey ? "get,list on keys and secrets" : "get,list on secrets";
            var sufficient = (properties.AccessPolicies ?? [])
                .Where(policy => Grants(policy.Permissions?.Secrets) && (!usesKeyEncryptionKey || Grants(policy.Permissions?.Keys)))
                .ToArray();
            var service = sufficient.FirstOrDefault(policy =>
                (backupServiceObjectId != null && string.Equals(policy.ObjectId, backupServiceObjectId, StringComparison.OrdinalIgnoreCase))
                || string.Equals(policy.ApplicationId, BackupManagementServiceAppId, StringComparison.OrdinalIgnoreCase));
            if (service != null)
            {
                return new KeyVaultAccess(true, $"access policy for {service.ObjectId} on {name} grants {need}");
            }

            if (sufficient.Length == 0)
            {
                return new KeyVaultAccess(false, $"no access policy on {name} grants {need}");
            }

            if (backupServiceObjectId != null)
            {
                return new KeyVaultAccess(false, $"no access policy on {name} grants {need} to the Backup Management Service ({backupServiceObjectId})");
            }

            return new KeyVaultAccess(
                null,
                $"access policies on {name} grant {need} to {string.Join(", ", sufficient.Select(p => p.ObjectId))}; whether one is the Backup Management Service is not known without a directory lookup");
        }

        private static bool Grants(List<string>? permissions) =>
            permissions != null
            && (permissions.Any(p => string.Equals(p, "all", StringComparison.OrdinalIgnoreCase))
                || Needed.All(needed => permissions.Any(p => string.Equals(p, needed, StringComparison.OrdinalIgnoreCase))));
    }
}
