using System;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Core.Tests.Rules
{
    /// <summary>A running Windows VM that is ready for backup; tests change one fact at a time with <c>with</c>.</summary>
    internal static class TestEvidence
    {
        public const string SubscriptionId = "00000000-0000-0000-0000-000000000001";
        public const string VmId = "/subscriptions/" + SubscriptionId + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app";
        public const string VaultId = "/subscriptions/" + SubscriptionId + "/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/vault-main";
        public const string ItemId = VaultId + "/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-app;vm-app/protectedItems/vm;iaasvmcontainerv2;rg-app;vm-app";

        public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        public static VmEvidence Healthy() => new()
        {
            Vm = new VmIdentity(VmId, SubscriptionId, "rg-app", "vm-app"),
            Location = "eastus",
            OsType = "Windows",
            VmSize = "Standard_D2s_v5",
            Image = new VmImageEvidence("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition"),
            ProvisioningState = "succeeded",
            PowerState = "running",
            ProvisionVmAgent = true,
            Agent = Agent("2.7.41491.1102"),
            Extensions =
            [
                new ExtensionEvidence { Name = "VMSnapshot", Publisher = "Microsoft.Azure.RecoveryServices", Type = "VMSnapshot", TypeHandlerVersion = "1.0", ProvisioningState = "Succeeded" },
                new ExtensionEvidence { Name = "IaaSAntimalware", Publisher = "Microsoft.Azure.Security", Type = "IaaSAntimalware", TypeHandlerVersion = "1.5", ProvisioningState = "Succeeded" },
            ],
            Disks =
            [
                Disk("vm-app_OsDisk", 127, isOs: true),
                Disk("vm-app_data0", 1024),
            ],
            Encryption = new EncryptionEvidence { IsEncrypted = false },
            RestorePointCollections = [Collection("AzureBackupRG_eastus_1", 3)],
            Locks = [],
            Protection = new ProtectionEvidence
            {
                ProtectionStatus = "Protected",
                VaultId = VaultId,
                ProtectedItemId = ItemId,
                ProtectionState = "Protected",
                HealthStatus = "Passed",
                LastBackupStatus = "Completed",
            },
            RecentJobs = [Job("job-1", "Backup", "Completed", Now.AddHours(-20), TimeSpan.FromHours(1))],
            DenyPolicies = [],
            TargetVault = TargetVault(),
            CollectedAt = Now,
        };

        /// <summary>The vault that already protects the healthy VM, named to protect it, with an Enhanced policy.</summary>
        public static TargetVaultEvidence TargetVault(string location = "eastus", string? policyName = "EnhancedPolicy", string? policyType = "V2") => new()
        {
            VaultId = VaultId,
            VaultName = "vault-main",
            Location = location,
            PolicyName = policyName,
            PolicyType = policyType,
            PreValidation = new ProtectionPreValidationEvidence("Succeeded", null, null, null, location),
        };

        public static VmEvidence Linux() => Healthy() with
        {
            OsType = "Linux",
            Image = new VmImageEvidence("Canonical", "ubuntu-24_04-lts", "server"),
            Agent = Agent("2.9.1.1"),
            Extensions = [new ExtensionEvidence { Name = "VMSnapshotLinux", Publisher = "Microsoft.Azure.RecoveryServices", Type = "VMSnapshotLinux", ProvisioningState = "Succeeded" }],
        };

        public static VmAgentEvidence Agent(string? version, string displayStatus = "Ready", string? message = "GuestAgent is running and processing the extensions.") => new()
        {
            Version = version,
            Statuses = [new StatusEvidence("ProvisioningState/succeeded", "Info", displayStatus, message, Now.AddMinutes(-2))],
        };

        public static DiskEvidence Disk(string name, int? sizeGib, bool isOs = false, bool encrypted = false) => new()
        {
            Name = name,
            ManagedDiskId = $"/subscriptions/{SubscriptionId}/resourceGroups/rg-app/providers/Microsoft.Compute/disks/{name}",
            IsOsDisk = isOs,
            SizeGb = sizeGib,
            AdeEncrypted = encrypted,
            StorageAccountType = "Premium_LRS",
        };

        public static RestorePointCollectionEvidence Collection(string group, int? count, string sourceVmId = VmId) =>
            new($"/subscriptions/{SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Compute/restorePointCollections/AzureBackup_vm-app_1", "AzureBackup_vm-app_1", group, sourceVmId, count);

        public static LockEvidence GroupLock(string name, string group, string level = "CanNotDelete") => new()
        {
            ResourceId = $"/subscriptions/{SubscriptionId}/resourceGroups/{group}/providers/Microsoft.Authorization/locks/{name}",
            Name = name,
            Level = level,
            Scope = $"/subscriptions/{SubscriptionId}/resourceGroups/{group}",
            ResourceGroupName = group,
        };

        public static JobEvidence Job(string id, string operation, string status, DateTimeOffset start, TimeSpan? duration = null, string vaultId = VaultId) => new()
        {
            JobId = id,
            Operation = operation,
            Status = status,
            WorkloadName = "vm-app",
            VaultId = vaultId,
            StartTime = start,
            EndTime = status == "InProgress" || duration == null ? null : start + duration,
            Duration = duration,
        };

        public static VmEvidence WithGap(this VmEvidence evidence, EvidencePart part) =>
            evidence with { Gaps = [new EvidenceGap(part, "AuthorizationFailed: the client has no read permission", 403)] };

        /// <summary>The evidence with one part missing and no gap to explain it.</summary>
        public static VmEvidence Without(this VmEvidence evidence, EvidencePart part) => part switch
        {
            EvidencePart.Extensions => evidence with { Extensions = null },
            EvidencePart.Disks => evidence with { Disks = null },
            EvidencePart.Encryption => evidence with { Encryption = null },
            EvidencePart.RestorePoints => evidence with { RestorePointCollections = null },
            EvidencePart.Locks => evidence with { Locks = null },
            EvidencePart.Protection => evidence with { Protection = null },
            EvidencePart.Jobs => evidence with { RecentJobs = null },
            EvidencePart.Policy => evidence with { DenyPolicies = null },
            EvidencePart.TargetVault => evidence with { TargetVault = null },
            EvidencePart.PreValidation => evidence with { TargetVault = evidence.TargetVault! with { PreValidation = null } },
            _ => throw new ArgumentOutOfRangeException(nameof(part), part, "That part has no single property to remove."),
        };

        public static EnglishOutcome Judge(string ruleId, VmEvidence evidence) => EnglishOutcome.Of(RuleCatalog.Default.Get(ruleId)!.Evaluate(evidence));
    }
}
