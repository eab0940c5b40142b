using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Knowledge;

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
            return new KeyVaultAccess(
                hasAccess,
                new LocalizedText(
                    string.Join("; ", verdicts.Select(v => v.Detail.English)),
                    string.Join("；", verdicts.Select(v => v.Detail.SimplifiedChinese)),
                    string.Join("；", verdicts.Select(v => v.Detail.TraditionalChinese))));
        }

        private static KeyVaultAccess EvaluateVault(ArmResource<KeyVaultProperties> vault, bool usesKeyEncryptionKey, string? backupServiceObjectId)
        {
            var name = vault.Name ?? vault.Id ?? "Key Vault";
            var properties = vault.Properties ?? new KeyVaultProperties();
            if (properties.EnableRbacAuthorization == true)
            {
                return new KeyVaultAccess(null, new LocalizedText(
                    $"{name} uses Azure RBAC; its role assignments were not read",
                    $"{name} 使用 Azure RBAC；未读取其角色分配",
                    $"{name} 使用 Azure RBAC；未讀取其角色指派"));
            }

            var need = usesKeyEncryptionKey
                ? new LocalizedText("get,list on keys and secrets", "密钥和机密的 get,list 权限", "金鑰與祕密的 get,list 權限")
                : new LocalizedText("get,list on secrets", "机密的 get,list 权限", "祕密的 get,list 權限");
            var sufficient = (properties.AccessPolicies ?? [])
                .Where(policy => Grants(policy.Permissions?.Secrets) && (!usesKeyEncryptionKey || Grants(policy.Permissions?.Keys)))
                .ToArray();
            var service = sufficient.FirstOrDefault(policy =>
                (backupServiceObjectId != null && string.Equals(policy.ObjectId, backupServiceObjectId, StringComparison.OrdinalIgnoreCase))
                || string.Equals(policy.ApplicationId, BackupManagementServiceAppId, StringComparison.OrdinalIgnoreCase));
            if (service != null)
            {
                return new KeyVaultAccess(true, new LocalizedText(
                    $"access policy for {service.ObjectId} on {name} grants {need.English}",
                    $"{name} 上针对 {service.ObjectId} 的访问策略授予了{need.SimplifiedChinese}",
                    $"{name} 上針對 {service.ObjectId} 的存取原則授予了{need.TraditionalChinese}"));
            }

            if (sufficient.Length == 0)
            {
                return new KeyVaultAccess(false, new LocalizedText(
                    $"no access policy on {name} grants {need.English}",
                    $"{name} 上没有任何访问策略授予{need.SimplifiedChinese}",
                    $"{name} 上沒有任何存取原則授予{need.TraditionalChinese}"));
            }

            if (backupServiceObjectId != null)
            {
                return new KeyVaultAccess(false, new LocalizedText(
                    $"no access policy on {name} grants {need.English} to the Backup Management Service ({backupServiceObjectId})",
                    $"{name} 上没有任何访问策略向备份管理服务（{backupServiceObjectId}）授予{need.SimplifiedChinese}",
                    $"{name} 上沒有任何存取原則向備份管理服務（{backupServiceObjectId}）授予{need.TraditionalChinese}"));
            }

            var grantees = sufficient.Select(p => p.ObjectId).ToList();
            return new KeyVaultAccess(null, new LocalizedText(
                $"access policies on {name} grant {need.English} to {string.Join(", ", grantees)}; whether one is the Backup Management Service is not known without a directory lookup",
                $"{name} 上的访问策略向 {string.Join("、", grantees)} 授予了{need.SimplifiedChinese}；不查询目录就无法得知其中是否有备份管理服务",
                $"{name} 上的存取原則向 {string.Join("、", grantees)} 授予了{need.TraditionalChinese}；不查詢目錄就無法得知其中是否有備份管理服務"));
        }

        private static bool Grants(List<string>? permissions) =>
            permissions != null
            && (permissions.Any(p => string.Equals(p, "all", StringComparison.OrdinalIgnoreCase))
                || Needed.All(needed => permissions.Any(p => string.Equals(p, needed, StringComparison.OrdinalIgnoreCase))));
    }
}
