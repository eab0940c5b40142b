using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Rules.TestEvidence;

namespace AzBackupTroubleshoot.Core.Tests.Rules.Checks
{
    /// <summary>The pre-enable checks of a VM against the vault (and policy) named to protect it, and VM.OsSupported.</summary>
    public class VaultRulesTests
    {
        private const string OtherVaultId = "/subscriptions/" + SubscriptionId + "/resourceGroups/rg-old/providers/Microsoft.RecoveryServices/vaults/vault-old";

        private static readonly string[] VaultRuleIds = ["Vault.SameRegion", "Vault.NotProtectedElsewhere", "Vault.DiskTypes", "Vault.EnhancedPolicy", "Vault.ServiceValidation"];

        private static VmEvidence Unprotected(TargetVaultEvidence? vault = null) => Healthy() with
        {
            Protection = new ProtectionEvidence { ProtectionStatus = "NotProtected" },
            TargetVault = vault ?? TargetVault(),
        };

        private static VmEvidence WithDataDisk(VmEvidence evidence, DiskEvidence disk) => evidence with { Disks = [.. evidence.Disks!, disk] };

        [Fact]
        public void Without_a_vault_named_the_vault_rules_do_not_apply()
        {
            foreach (var id in VaultRuleIds)
            {
                var outcome = Judge(id, Healthy() with { TargetVault = TargetVaultEvidence.NotGiven });

                Assert.Equal(EnglishOutcome.NotApplicable("No vault was named with -VaultId or -VaultName, so this pre-enable check does not apply."), outcome);
            }
        }

        [Fact]
        public void Vault_SameRegion_passes_a_vault_in_the_VMs_region()
        {
            Assert.Equal(EnglishOutcome.Pass("The vault 'vault-main' is in eastus, the region of VM 'vm-app'."), Judge("Vault.SameRegion", Unprotected()));
        }

        [Fact]
        public void Vault_SameRegion_fails_a_vault_in_another_region()
        {
            var outcome = Judge("Vault.SameRegion", Unprotected(TargetVault(location: "westeurope")));

            Assert.Equal(EnglishOutcome.Fail("The vault 'vault-main' is in westeurope, but VM 'vm-app' is in eastus: a vault protects only VMs of its own region."), outcome);
        }

        [Fact]
        public void Vault_NotProtectedElsewhere_passes_an_unprotected_VM_and_one_the_vault_itself_protects()
        {
            Assert.Equal(EnglishOutcome.Pass("The backup status is NotProtected and no vault holds a protected item of the VM."), Judge("Vault.NotProtectedElsewhere", Unprotected()));
            Assert.Equal(RuleResult.Pass, Judge("Vault.NotProtectedElsewhere", Healthy()).Result);
        }

        [Fact]
        public void Vault_NotProtectedElsewhere_fails_a_VM_another_vault_protects()
        {
            var evidence = Healthy() with { Protection = Healthy().Protection! with { VaultId = OtherVaultId } };

            var outcome = Judge("Vault.NotProtectedElsewhere", evidence);

            Assert.Equal(EnglishOutcome.Fail($"The VM is protected by vault {OtherVaultId} (backup status Protected), not by the vault 'vault-main': a VM can be protected by one vault only."), outcome);
        }

        [Fact]
        public void Vault_DiskTypes_passes_ordinary_disks_with_any_policy_and_says_so_for_Standard_SSD()
        {
            var evidence = WithDataDisk(Unprotected(TargetVault(policyName: "DefaultPolicy", policyType: "V1")), Disk("vm-app_data1", 256) with { StorageAccountType = "StandardSSD_LRS" });

            var outcome = Judge("Vault.DiskTypes", evidence);

            Assert.Equal(EnglishOutcome.Pass("3 disks of type Premium_LRS, StandardSSD_LRS: any policy type can back them up. Standard SSD disks are backed up by vaults on the current (instant restore) backup stack."), outcome);
        }

        [Theory]
        [InlineData("UltraSSD_LRS")]
        [InlineData("PremiumV2_LRS")]
        public void Vault_DiskTypes_fails_Ultra_and_Premium_SSD_v2_disks_under_a_Standard_policy(string type)
        {
            var evidence = WithDataDisk(Unprotected(TargetVault(policyName: "DefaultPolicy", policyType: "V1")), Disk("vm-app_fast", 512) with { StorageAccountType = type });

            var outcome = Judge("Vault.DiskTypes", evidence);

            Assert.Equal(EnglishOutcome.Fail($"Disk 'vm-app_fast' ({type}) can be backed up only with an Enhanced policy; the Standard policy 'DefaultPolicy' is a Standard policy."), outcome);
        }

        [Fact]
        public void Vault_DiskTypes_passes_an_Ultra_disk_under_an_Enhanced_policy_and_warns_when_no_policy_is_named()
        {
            var ultra = Disk("vm-app_fast", 512) with { StorageAccountType = "UltraSSD_LRS" };

            Assert.Equal(RuleResult.Pass, Judge("Vault.DiskTypes", WithDataDisk(Unprotected(), ultra)).Result);
            var unnamed = Judge("Vault.DiskTypes", WithDataDisk(Unprotected(TargetVault(policyName: null, policyType: null)), ultra));
            Assert.Equal(EnglishOutcome.Warning("Disk 'vm-app_fast' (UltraSSD_LRS) can be backed up only with an Enhanced policy; no policy was named (-PolicyName), so choose an Enhanced policy."), unnamed);
        }

        [Fact]
        public void Vault_DiskTypes_fails_a_shared_disk_under_a_Standard_policy_and_warns_under_an_Enhanced_one()
        {
            var shared = Disk("vm-app_cluster", 1024) with { MaxShares = 2 };

            Assert.Equal(RuleResult.Fail, Judge("Vault.DiskTypes", WithDataDisk(Unprotected(TargetVault(policyName: "DefaultPolicy", policyType: "V1")), shared)).Result);
            var enhanced = Judge("Vault.DiskTypes", WithDataDisk(Unprotected(), shared));
            Assert.Equal(EnglishOutcome.Warning("Disk 'vm-app_cluster' is shared (maxShares above 1) and is not backed up; only an Enhanced policy can exclude it and back up the other disks; the Enhanced policy 'EnhancedPolicy' backs up the other disks."), enhanced);
        }

        [Theory]
        [InlineData("TrustedLaunch")]
        [InlineData("ConfidentialVM")]
        public void Vault_EnhancedPolicy_fails_a_Trusted_Launch_or_confidential_VM_under_a_Standard_policy(string securityType)
        {
            var evidence = Unprotected(TargetVault(policyName: "DefaultPolicy", policyType: "V1")) with { SecurityType = securityType };

            var outcome = Judge("Vault.EnhancedPolicy", evidence);

            Assert.Equal(EnglishOutcome.Fail($"The VM's security type is {securityType}, which is protected with an Enhanced policy; the Standard policy 'DefaultPolicy' is a Standard policy."), outcome);
        }

        [Fact]
        public void Vault_EnhancedPolicy_passes_Trusted_Launch_under_an_Enhanced_policy_a_standard_VM_under_any_and_warns_without_a_policy()
        {
            var trusted = Unprotected() with { SecurityType = "TrustedLaunch" };

            Assert.Equal(EnglishOutcome.Pass("The VM's security type is TrustedLaunch, which is protected with an Enhanced policy; the Enhanced policy 'EnhancedPolicy' is one."), Judge("Vault.EnhancedPolicy", trusted));
            Assert.Equal(EnglishOutcome.Pass("The VM's security type is Standard: the Standard policy 'DefaultPolicy' can protect it."), Judge("Vault.EnhancedPolicy", Unprotected(TargetVault(policyName: "DefaultPolicy", policyType: "V1"))));
            Assert.Equal(RuleResult.Warning, Judge("Vault.EnhancedPolicy", trusted with { TargetVault = TargetVault(policyName: null, policyType: null) }).Result);
        }

        [Fact]
        public void Vault_ServiceValidation_passes_when_the_service_validates()
        {
            Assert.Equal(EnglishOutcome.Pass("The backup service in eastus pre-validated protection in the vault 'vault-main': Succeeded."), Judge("Vault.ServiceValidation", Unprotected()));
        }

        [Fact]
        public void Vault_ServiceValidation_fails_with_the_services_code_and_the_evaluator_gives_its_documented_remedy()
        {
            var answer = new ProtectionPreValidationEvidence("Failed", "VirtualMachineAlreadyProtected", "Virtual machine with same name and same resource group is already protected.", "Do not enable protection again.", "eastus");
            var evidence = Unprotected(TargetVault() with { PreValidation = answer });

            var outcome = Judge("Vault.ServiceValidation", evidence);
            var result = new ReadinessEvaluator(RuleCatalog.Default, KnowledgeBase.Default, SupportedCulture.English).Evaluate(evidence).Single(r => r.RuleId == "Vault.ServiceValidation");

            Assert.Equal(RuleResult.Fail, outcome.Result);
            Assert.Equal("The backup service in eastus pre-validated protection in the vault 'vault-main': Failed, VirtualMachineAlreadyProtected. Virtual machine with same name and same resource group is already protected. Recommendation: Do not enable protection again.", outcome.Evidence);
            Assert.Equal("VirtualMachineAlreadyProtected", outcome.ServiceErrorCode);
            Assert.Equal(["G17"], result.KnowledgeIds);
            Assert.Equal(KnowledgeBase.Default.Get("G17")!.Remedies[0].Text.English, result.Remedy);
        }

        [Fact]
        public void VM_OsSupported_passes_a_current_image_and_fails_one_the_support_matrix_excludes()
        {
            Assert.Equal(RuleResult.Pass, Judge("VM.OsSupported", Healthy()).Result);
            var old = Judge("VM.OsSupported", Healthy() with { Image = new VmImageEvidence("MicrosoftWindowsServer", "WindowsServer", "2008-SP2") });
            Assert.Equal(EnglishOutcome.Fail("Image MicrosoftWindowsServer:WindowsServer:2008-SP2 is Windows Server 2008 (before R2), which Azure VM backup does not support."), old);
            Assert.Equal(RuleResult.Pass, Judge("VM.OsSupported", Healthy() with { Image = new VmImageEvidence("MicrosoftWindowsServer", "WindowsServer", "2008-R2-SP1") }).Result);
            Assert.Equal(RuleResult.Fail, Judge("VM.OsSupported", Linux() with { Image = new VmImageEvidence("kinvolk", "flatcar-container-linux-coreos", "stable") }).Result);
        }

        [Fact]
        public void VM_OsSupported_does_not_judge_a_custom_image()
        {
            var outcome = Judge("VM.OsSupported", Healthy() with { Image = null });

            Assert.Equal(EnglishOutcome.NotApplicable("OS type Windows; the VM has no marketplace image reference, so its OS version cannot be compared with the support matrix."), outcome);
        }
    }
}
