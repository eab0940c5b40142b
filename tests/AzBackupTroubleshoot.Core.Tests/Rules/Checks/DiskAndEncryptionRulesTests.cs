using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Rules.TestEvidence;

namespace AzBackupTroubleshoot.Core.Tests.Rules.Checks
{
    public class DiskAndEncryptionRulesTests
    {
        private static EnglishOutcome DisksOf(params DiskEvidence[] disks) => Judge("Disk.SizeSupported", Healthy() with { Disks = disks });

        [Fact]
        public void Disk_SizeSupported_passes_and_names_the_largest_disk()
        {
            Assert.Equal(
                EnglishOutcome.Pass("2 disks within 32,767 GiB (encrypted disks within 4,096 GiB); the largest, 'vm-app_data0', is 1,024 GiB."),
                Judge("Disk.SizeSupported", Healthy()));
        }

        [Theory]
        [InlineData(32_767, false, RuleResult.Pass)] // the 32 TB tier is the largest disk Azure makes
        [InlineData(32_768, false, RuleResult.Fail)]
        [InlineData(8_192, false, RuleResult.Pass)]
        [InlineData(4_096, true, RuleResult.Pass)] // the 4 TB tier
        [InlineData(4_097, true, RuleResult.Fail)]
        [InlineData(8_192, true, RuleResult.Fail)]
        public void Disk_SizeSupported_applies_32_TB_and_4_TB_for_encrypted_disks_as_GiB_tiers(int sizeGib, bool encrypted, RuleResult expected)
        {
            Assert.Equal(expected, DisksOf(Disk("os", 127, isOs: true), Disk("data", sizeGib, encrypted: encrypted)).Result);
        }

        [Fact]
        public void Disk_SizeSupported_names_each_disk_over_its_limit()
        {
            var outcome = DisksOf(Disk("huge", 40_000), Disk("secret", 5_000, encrypted: true), Disk("fine", 100));

            Assert.Equal(
                EnglishOutcome.Fail(
                    "Disk 'huge' is 40,000 GiB, above the 32,767 GiB (32 TB) Azure Backup supports; "
                    + "encrypted disk 'secret' is 5,000 GiB, above the 4,096 GiB (4 TB) Azure Backup supports for Azure Disk Encryption."),
                outcome);
        }

        [Fact]
        public void Disk_SizeSupported_is_unknown_when_a_size_is_missing()
        {
            Assert.Equal(
                EnglishOutcome.Unknown("The size of disk 'blob-disk' is not reported."),
                DisksOf(Disk("os", 127, isOs: true), Disk("blob-disk", null)));
        }

        [Fact]
        public void Disk_SizeSupported_fails_on_a_known_oversized_disk_even_when_another_size_is_missing()
        {
            Assert.Equal(RuleResult.Fail, DisksOf(Disk("huge", 40_000), Disk("blob-disk", null)).Result);
        }

        [Fact]
        public void Disk_SizeSupported_is_unknown_when_no_disk_is_listed()
        {
            Assert.Equal(RuleResult.Unknown, DisksOf().Result);
        }

        private static EncryptionEvidence Encrypted(bool? access, string? detail = null) => new()
        {
            IsEncrypted = true,
            KeyVaultIds = ["/subscriptions/" + SubscriptionId + "/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-app"],
            UsesKeyEncryptionKey = true,
            BackupServiceHasKeyVaultAccess = access,
            KeyVaultAccessDetail = detail == null ? null : LocalizedText.Verbatim(detail),
        };

        [Fact]
        public void Encryption_KeyVaultAccess_does_not_apply_to_a_VM_without_disk_encryption()
        {
            Assert.Equal(EnglishOutcome.NotApplicable("The VM does not use Azure Disk Encryption."), Judge("Encryption.KeyVaultAccess", Healthy()));
        }

        [Fact]
        public void Encryption_KeyVaultAccess_fails_when_the_Backup_Management_Service_lacks_access()
        {
            var outcome = Judge("Encryption.KeyVaultAccess", Healthy() with { Encryption = Encrypted(false, "no access policy for Backup Management Service") });

            Assert.Equal(RuleResult.Fail, outcome.Result);
            Assert.Contains("/vaults/kv-app", outcome.Evidence);
            Assert.Contains("lacks access to read them (no access policy for Backup Management Service).", outcome.Evidence);
        }

        [Fact]
        public void Encryption_KeyVaultAccess_passes_when_the_service_can_read_the_keys()
        {
            var outcome = Judge("Encryption.KeyVaultAccess", Healthy() with { Encryption = Encrypted(true, "access policy grants get,list on keys and secrets") });

            Assert.Equal(RuleResult.Pass, outcome.Result);
            Assert.Contains("grants get,list on keys and secrets", outcome.Evidence);
        }

        [Fact]
        public void Encryption_KeyVaultAccess_is_unknown_when_the_access_could_not_be_determined()
        {
            Assert.Equal(RuleResult.Unknown, Judge("Encryption.KeyVaultAccess", Healthy() with { Encryption = Encrypted(null) }).Result);
        }
    }
}
