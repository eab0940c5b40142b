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
    internal sealed class FetchedVmParts(VmIdentity vm, DateTimeOffset collectedAt)
    {
        public VmIdentity Vm { get; } = vm;

        public DateTimeOffset CollectedAt { get; } = collectedAt;

        /// <summary>The model with instance view; null value and no gap means ARM answered 404.</summary>
        public PartResult<VirtualMachineData>? Model { get; set; }

        public PartResult<IReadOnlyList<VirtualMachineExtensionData>>? ExtensionList { get; set; }

        public PartResult<IReadOnlyDictionary<string, ManagedDiskDetails>>? ManagedDisks { get; set; }

        public PartResult<IReadOnlyList<ArmResource<KeyVaultProperties>>>? KeyVaults { get; set; }

        /// <summary>The Backup Management Service's object id in the tenant, read only for an encrypted VM.</summary>
        public PartResult<string?>? BackupServiceObjectId { get; set; }

        public PartResult<IReadOnlyList<RestorePointCollectionEvidence>>? RestorePointCollections { get; set; }

        public PartResult<IReadOnlyList<LockEvidence>>? Locks { get; set; }

        public PartResult<BackupStatus>? BackupStatus { get; set; }

        public PartResult<IReadOnlyList<ProtectedItemInVault>>? ProtectedItems { get; set; }

        public PartResult<IReadOnlyList<JobInVault>>? Jobs { get; set; }

        public PartResult<IReadOnlyList<PolicyEvidence>>? DenyPolicies { get; set; }

        /// <summary>Gaps beside a part that was otherwise read, e.g. one collection whose restore points could not be counted.</summary>
        public List<EvidenceGap> ExtraGaps { get; } = [];

        public bool VmExists => Model is not { Value: null, Gap: null };
    }
}
