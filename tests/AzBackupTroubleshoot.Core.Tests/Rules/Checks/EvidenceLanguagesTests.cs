using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Rules;
using Xunit;
using static AzBackupTroubleshoot.Core.Tests.Rules.TestEvidence;

namespace AzBackupTroubleshoot.Core.Tests.Rules.Checks
{
    /// <summary>
    /// Every rule's evidence, on every way out it has in these worlds, reads in English, Simplified and Traditional
    /// Chinese: three different texts, and no English sentence left in the Chinese ones.
    /// </summary>
    public class EvidenceLanguagesTests
    {
        // Messages the service wrote; evidence quotes them as they came, so they are the one English allowed.
        private const string AgentMessage = "VM Agent is unresponsive.";
        private const string ExtensionMessage = "Onboarding failed";
        private const string ProtectionMessage = "Snapshot operation failed";
        private const string ValidationMessage = "Virtual machine is already protected";
        private const string ValidationRecommendation = "Do not enable protection again";

        // Three or more English words in a row, after ids, paths, quoted names and the service's messages are gone.
        private static readonly Regex EnglishRun = new(@"\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}\b");

        private static IEnumerable<VmEvidence> Worlds()
        {
            var healthy = Healthy();
            yield return healthy;
            yield return Linux();
            yield return healthy with { Exists = false };
            yield return healthy with { Exists = false, Protection = null };
            yield return healthy with { PowerState = "deallocated" };
            yield return healthy with { PowerState = "starting" };
            yield return healthy with { PowerState = "unknown" };
            yield return healthy with { PowerState = null };
            yield return healthy with { ProvisioningState = null };
            yield return healthy with { ProvisioningState = "failed", Extensions = [new ExtensionEvidence { Name = "CustomScript", Type = "CustomScriptExtension", ProvisioningState = "Failed" }] };
            yield return healthy with { ProvisioningState = "failed" };
            yield return healthy with { ProvisioningState = "deleting" };
            yield return healthy with { ProvisioningState = "updating" };
            yield return healthy with { OsType = null };
            yield return healthy with { Agent = null };
            yield return healthy with { Agent = null, ProvisionVmAgent = false };
            yield return healthy with { ProvisionVmAgent = false };
            yield return healthy with { Agent = Agent("Unknown", "Not Ready", AgentMessage) };
            yield return healthy with { Agent = Agent("2.7.41491.1102", "Not Ready", AgentMessage) };
            yield return healthy with { Agent = new VmAgentEvidence { Version = "2.7.41491.1102" } };
            yield return healthy with { Agent = Agent("2.6.0.0") };
            yield return healthy with { Agent = Agent("2.7.0.0") };
            yield return Linux() with { Agent = Agent("2.2.45") };
            yield return healthy with { Extensions = [] };
            yield return healthy with
            {
                Extensions =
                [
                    new ExtensionEvidence { Name = "VMSnapshot", Type = "VMSnapshot", ProvisioningState = "Failed" },
                    new ExtensionEvidence { Name = "MDE.Windows", Type = "MDE.Windows", ProvisioningState = "Succeeded", Statuses = [new StatusEvidence("ProvisioningState/failed", "Error", "Provisioning failed", ExtensionMessage, null)] },
                ],
            };
            yield return healthy with { Extensions = [new ExtensionEvidence { Name = "VMSnapshot", Type = "VMSnapshot", ProvisioningState = "Updating" }] };
            yield return healthy with
            {
                Extensions =
                [
                    new ExtensionEvidence { Name = "SqlIaasExtension", Type = "SqlIaaSAgent", ProvisioningState = "Succeeded" },
                    new ExtensionEvidence { Name = "SiteRecovery-Windows", Publisher = "Microsoft.Azure.RecoveryServices.SiteRecovery", Type = "Windows", ProvisioningState = "Succeeded" },
                ],
            };
            yield return healthy with { Disks = [] };
            yield return healthy with { Disks = [Disk("big", 40_000), Disk("secret", 5_000, encrypted: true)] };
            yield return healthy with { Disks = [Disk("unsized", null)] };
            yield return healthy with { Encryption = new EncryptionEvidence { IsEncrypted = true, BackupServiceHasKeyVaultAccess = false } };
            yield return healthy with { Encryption = new EncryptionEvidence { IsEncrypted = true, KeyVaultIds = ["/subscriptions/" + SubscriptionId + "/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-app"], BackupServiceHasKeyVaultAccess = true } };
            yield return healthy with { Encryption = new EncryptionEvidence { IsEncrypted = true, BackupServiceHasKeyVaultAccess = null } };
            yield return healthy with { RestorePointCollections = [] };
            yield return healthy with { RestorePointCollections = [Collection("AzureBackupRG_eastus_1", 18)] };
            yield return healthy with { RestorePointCollections = [Collection("AzureBackupRG_eastus_1", 16)] };
            yield return healthy with { RestorePointCollections = [Collection("AzureBackupRG_eastus_1", null)] };
            yield return healthy with { Locks = [GroupLock("keep", "AzureBackupRG_eastus_1")] };
            yield return healthy with { Protection = new ProtectionEvidence { ProtectionStatus = "NotProtected" } };
            yield return healthy with { Protection = new ProtectionEvidence() };
            yield return healthy with { Protection = new ProtectionEvidence { ProtectedItemId = ItemId } };
            yield return healthy with { Protection = new ProtectionEvidence { ProtectedItemId = ItemId, ProtectionState = "ProtectionStopped", ProtectionStatus = "ProtectionFailed", ErrorCode = "UserErrorVmNotFound", ErrorMessage = ProtectionMessage } };
            yield return healthy with { Protection = new ProtectionEvidence { ProtectionState = "Protected", ProtectionStatus = "ProtectionFailed" } };
            yield return healthy with { RecentJobs = [Job("job-2", "Backup", "InProgress", Now.AddHours(-30))] };
            yield return healthy with { RecentJobs = [Job("job-3", "Backup", "InProgress", Now.AddHours(-1), vaultId: VaultId + "-old")] };
            yield return healthy with { RecentJobs = [Job("job-4", "Restore", "Completed", Now.AddDays(-1), TimeSpan.FromHours(8))] };
            yield return healthy with { DenyPolicies = [new PolicyEvidence { AssignmentId = "/providers/Microsoft.Authorization/policyAssignments/deny-rg", DisplayName = "No new groups", Effect = "deny", Scope = "/subscriptions/" + SubscriptionId, TargetsResourceGroupsOrTags = true }] };
            yield return healthy with { DenyPolicies = [new PolicyEvidence { AssignmentId = "/providers/Microsoft.Authorization/policyAssignments/deny-vm", Effect = "deny", Scope = "/subscriptions/" + SubscriptionId }] };
            yield return healthy with { Image = null };
            yield return healthy with { Image = new VmImageEvidence("MicrosoftWindowsServer", "WindowsServer", "2008-SP2") };
            yield return Linux() with { Image = new VmImageEvidence("kinvolk", "flatcar-container-linux-coreos", "stable") };
            yield return healthy with { TargetVault = TargetVaultEvidence.NotGiven };
            yield return healthy with { TargetVault = TargetVault(location: "westeurope") };
            yield return healthy with { TargetVault = TargetVault() with { Location = null } };
            yield return healthy with { Location = null };
            yield return healthy with { Protection = healthy.Protection! with { VaultId = VaultId + "-old" } };
            yield return healthy with { TargetVault = TargetVault(policyName: null, policyType: null) };
            yield return healthy with { TargetVault = TargetVault(policyName: "DefaultPolicy", policyType: "V1") };
            yield return healthy with { Disks = [.. healthy.Disks!, Disk("vm-app_ssd", 256) with { StorageAccountType = "StandardSSD_LRS" }] };
            yield return healthy with { Disks = [.. healthy.Disks!, Disk("vm-app_fast", 512) with { StorageAccountType = "UltraSSD_LRS" }] };
            yield return healthy with { Disks = [.. healthy.Disks!, Disk("vm-app_fast", 512) with { StorageAccountType = "PremiumV2_LRS" }], TargetVault = TargetVault(policyName: "DefaultPolicy", policyType: "V1") };
            yield return healthy with { Disks = [.. healthy.Disks!, Disk("vm-app_fast", 512) with { StorageAccountType = "UltraSSD_LRS" }], TargetVault = TargetVault(policyName: null, policyType: null) };
            yield return healthy with { Disks = [.. healthy.Disks!, Disk("vm-app_cluster", 1024) with { MaxShares = 2 }] };
            yield return healthy with { SecurityType = "TrustedLaunch" };
            yield return healthy with { SecurityType = "ConfidentialVM", TargetVault = TargetVault(policyName: "DefaultPolicy", policyType: "V1") };
            yield return healthy with { SecurityType = "TrustedLaunch", TargetVault = TargetVault(policyName: null, policyType: null) };
            yield return healthy with { TargetVault = TargetVault() with { PreValidation = new ProtectionPreValidationEvidence("Failed", "VirtualMachineAlreadyProtected", ValidationMessage, ValidationRecommendation, "eastus") } };
            yield return healthy with { TargetVault = TargetVault() with { PreValidation = new ProtectionPreValidationEvidence("Failed", null, null, null, "eastus") } };
            yield return healthy with { TargetVault = TargetVault() with { PreValidation = new ProtectionPreValidationEvidence(null, null, null, null, "eastus") } };
            foreach (var part in Enum.GetValues(typeof(EvidencePart)).Cast<EvidencePart>())
            {
                yield return healthy.WithGap(part);
                if (part is not (EvidencePart.Vm or EvidencePart.InstanceView))
                {
                    yield return healthy.Without(part);
                }
            }
        }

        public static TheoryData<string> AllRuleIds() => new(RuleCatalog.Default.Rules.Select(r => r.Id));

        [Theory]
        [MemberData(nameof(AllRuleIds))]
        public void Every_outcome_of_the_rule_reads_in_three_languages(string ruleId)
        {
            var rule = RuleCatalog.Default.Get(ruleId)!;
            var outcomes = Worlds().Select(rule.Evaluate).ToList();

            foreach (var text in outcomes.Select(o => o.Evidence))
            {
                Assert.False(string.IsNullOrWhiteSpace(text.English));
                Assert.NotEqual(text.English, text.SimplifiedChinese);
                Assert.NotEqual(text.English, text.TraditionalChinese);
                Assert.NotEqual(text.SimplifiedChinese, text.TraditionalChinese);
                Assert.Null(EnglishSentenceIn(text.SimplifiedChinese));
                Assert.Null(EnglishSentenceIn(text.TraditionalChinese));
            }

            // The worlds reach Unknown, NotApplicable (VM.Exists never is) and Fail or Warning of every rule.
            var results = outcomes.Select(o => o.Result).Distinct().ToList();
            Assert.Contains(RuleResult.Unknown, results);
            Assert.True(ruleId == "VM.Exists" || results.Contains(RuleResult.NotApplicable), $"{ruleId}: {string.Join(", ", results)}");
            Assert.True(results.Contains(RuleResult.Fail) || results.Contains(RuleResult.Warning), $"{ruleId}: {string.Join(", ", results)}");
        }

        /// <summary>The first English sentence left in a Chinese text, or null.</summary>
        private static string? EnglishSentenceIn(string text)
        {
            var rest = text.Replace(AgentMessage, string.Empty).Replace(ExtensionMessage, string.Empty).Replace(ProtectionMessage, string.Empty)
                .Replace(ValidationMessage, string.Empty).Replace(ValidationRecommendation, string.Empty);
            rest = Regex.Replace(rest, @"/[^\s，。；、（）“”「」]+", " ");  // resource ids and paths
            rest = Regex.Replace(rest, @"“[^”]*”|「[^」]*」|'[^']*'|\[[^\]]*\]", " ");  // quoted names, registry keys
            rest = rest.Replace("SQL Server IaaS", " ").Replace("Core OS Linux", " ");  // product names
            rest = Regex.Replace(rest, @"AuthorizationFailed: the client has no read permission", " ");  // the test gap's service message
            var match = EnglishRun.Match(rest);
            return match.Success ? match.Value : null;
        }
    }
}
