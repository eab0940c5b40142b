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
                return RuleOutcome.NotApplicable("The VM does not use Azure Disk Encryption.");
            }

            var vaults = encryption.KeyVaultIds.Count == 0 ? "an unnamed Key Vault" : "Key Vault " + string.Join(", ", encryption.KeyVaultIds);
            var detail = string.IsNullOrWhiteSpace(encryption.KeyVaultAccessDetail) ? string.Empty : $" ({encryption.KeyVaultAccessDetail})";
            return encryption.BackupServiceHasKeyVaultAccess switch
            {
                false => RuleOutcome.Fail($"The VM is encrypted with keys in {vaults}, and the Backup Management Service lacks access to read them{detail}."),
                true => RuleOutcome.Pass($"The VM is encrypted with keys in {vaults}, and the Backup Management Service can read them{detail}."),
                null => RuleOutcome.Unknown($"The VM is encrypted with keys in {vaults}, but whether the Backup Management Service can read them could not be determined{detail}."),
            };
        }
    }
}
