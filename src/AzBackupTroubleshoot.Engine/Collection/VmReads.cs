using System;
using System.Collections.Generic;
using Azure.ResourceManager.Compute;
using AzBackupTroubleshoot.Engine.KeyVault;
using AzBackupTroubleshoot.Engine.RecoveryServices;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>
    /// Everything fetched for one VM, part by part, before it is shaped into <see cref="VmEvidence"/>. Subscription-wide
    /// parts (locks, restore point collections, jobs, protected items) may hold more than this VM's share: the
    /// assembler picks the VM's, so a bulk reader can fetch them once for many VMs.
    /// </summary>
    internal sealed class VmReads(VmIdentity vm, DateTimeOffset collectedAt)
    {
        public VmIdentity Vm { get; } = vm;

        public DateTimeOffset CollectedAt { get; } = collectedAt;

        /// <summary>The model with instance view; null value and no gap means ARM answered 404.</summary>
        public FetchResult<VirtualMachineData>? Model { get; set; }

        public FetchResult<IReadOnlyList<VirtualMachineExtensionData>>? ExtensionList { get; set; }

        public FetchResult<IReadOnlyDictionary<string, ManagedDiskDetails>>? ManagedDisks { get; set; }

        public FetchResult<IReadOnlyList<ArmResource<KeyVaultProperties>>>? KeyVaults { get; set; }

        /// <summary>The Backup Management Service's object id in the tenant, read only for an encrypted VM.</summary>
        public FetchResult<string?>? BackupServiceObjectId { get; set; }

        public FetchResult<IReadOnlyList<RestorePointCollectionEvidence>>? RestorePointCollections { get; set; }

        public FetchResult<IReadOnlyList<LockEvidence>>? Locks { get; set; }

        public FetchResult<BackupStatus>? BackupStatus { get; set; }

        public FetchResult<IReadOnlyList<ProtectedItemInVault>>? ProtectedItems { get; set; }

        public FetchResult<IReadOnlyList<JobInVault>>? Jobs { get; set; }

        public FetchResult<IReadOnlyList<PolicyEvidence>>? DenyPolicies { get; set; }

        /// <summary>Gaps beside a part that was otherwise read, e.g. one collection whose restore points could not be counted.</summary>
        public List<EvidenceGap> ExtraGaps { get; } = [];

        public bool VmExists => Model is not { Value: null, Gap: null };
    }
}
