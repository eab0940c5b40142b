using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Encryption.KeyVaultAccess (B5): backing up an encrypted VM needs the Backup Management Service to read its keys.</summary>
    public sealed class KeyVaultAccessRule : ReadinessRule
    {
        public const string RuleId = "Encryption.KeyVaultAccess";

        public KeyVaultAccessRule()
            : base(
                RuleId,
                new LocalizedText(
                    "Azure Backup can read the encrypted VM's Key Vault",
                    "Azure 备份可以读取加密虚拟机的密钥保管库",
                    "Azure 備份可以讀取加密虛擬機器的金鑰保存庫"),
                RuleSeverity.Error,
                ["B5"],
                EvidencePart.Encryption)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.Encryption, EvidencePart.Encryption, encryption => Judge(evidence, encryption));

        private static RuleOutcome Judge(VmEvidence evidence, EncryptionEvidence encryption)
        {
            if (!encryption.IsEncrypted)
            {
                return RuleOutcome.NotApplicable(
                    "The VM does not use Azure Disk Encryption.",
                    "该虚拟机未使用 Azure 磁盘加密。",
                    "此虛擬機器未使用 Azure 磁碟加密。");
            }

            var vaults = encryption.KeyVaultIds.Count == 0
                ? new LocalizedText("an unnamed Key Vault", "一个未具名的密钥保管库", "一個未具名的金鑰保存庫")
                : new LocalizedText(
                    "Key Vault " + string.Join(", ", encryption.KeyVaultIds),
                    "密钥保管库 " + string.Join("、", encryption.KeyVaultIds),
                    "金鑰保存庫 " + string.Join("、", encryption.KeyVaultIds));
            var detail = KeyVaultAccessDetail(encryption);
            return encryption.BackupServiceHasKeyVaultAccess switch
            {
                false => RuleOutcome.Fail(
                    $"The VM is encrypted with keys in {vaults.English}, and the Backup Management Service lacks access to read them{detail.English}.",
                    $"该虚拟机使用{vaults.SimplifiedChinese}中的密钥加密，而备份管理服务没有读取这些密钥的权限{detail.SimplifiedChinese}。",
                    $"此虛擬機器使用{vaults.TraditionalChinese}中的金鑰加密，而備份管理服務沒有讀取這些金鑰的權限{detail.TraditionalChinese}。"),
                true => RuleOutcome.Pass(
                    $"The VM is encrypted with keys in {vaults.English}, and the Backup Management Service can read them{detail.English}.",
                    $"该虚拟机使用{vaults.SimplifiedChinese}中的密钥加密，备份管理服务可以读取这些密钥{detail.SimplifiedChinese}。",
                    $"此虛擬機器使用{vaults.TraditionalChinese}中的金鑰加密，備份管理服務可以讀取這些金鑰{detail.TraditionalChinese}。"),
                null => RuleOutcome.Unknown(
                    $"The VM is encrypted with keys in {vaults.English}, but whether the Backup Management Service can read them could not be determined{detail.English}.",
                    $"该虚拟机使用{vaults.SimplifiedChinese}中的密钥加密，但无法确定备份管理服务能否读取这些密钥{detail.SimplifiedChinese}。",
                    $"此虛擬機器使用{vaults.TraditionalChinese}中的金鑰加密，但無法確定備份管理服務能否讀取這些金鑰{detail.TraditionalChinese}。"),
            };
        }

        // The detail is the access evaluator's finding (Engine/KeyVault), already in three languages.
        private static LocalizedText KeyVaultAccessDetail(EncryptionEvidence encryption)
        {
            var detail = encryption.KeyVaultAccessDetail;
            return detail == null || string.IsNullOrWhiteSpace(detail.English)
                ? LocalizedText.Verbatim(string.Empty)
                : new LocalizedText($" ({detail.English})", $"（{detail.SimplifiedChinese}）", $"（{detail.TraditionalChinese}）");
        }
    }
}
