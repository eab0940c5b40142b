using System;
using System.Collections.Generic;

namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>
    /// Everything Azure Resource Manager and Recovery Services said about one VM, collected once and shared by
    /// every rule and diagnosis. A part that could not be read is null and named in <see cref="Gaps"/>, so rules
    /// answer Unknown rather than guess.
    /// </summary>
    public sealed record VmEvidence
    {
        public required VmIdentity Vm { get; init; }

        /// <summary>False when ARM answered 404 for the VM (deleted or never existed).</summary>
        public bool Exists { get; init; } = true;

        public string? Location { get; init; }

        /// <summary>Windows or Linux, from the OS disk or the instance view.</summary>
        public string? OsType { get; init; }

        public string? VmSize { get; init; }

        /// <summary>securityProfile.securityType: TrustedLaunch or ConfidentialVM; null for a standard VM.</summary>
        public string? SecurityType { get; init; }

        /// <summary>The marketplace image the VM was made from; null for a custom or specialized image.</summary>
        public VmImageEvidence? Image { get; init; }

        /// <summary>The code after "ProvisioningState/" in the instance view (succeeded, failed, updating …).</summary>
        public string? ProvisioningState { get; init; }

        /// <summary>The code after "PowerState/" in the instance view (running, deallocated, starting …).</summary>
        public string? PowerState { get; init; }

        /// <summary>osProfile.*Configuration.provisionVMAgent; null when the model does not say.</summary>
        public bool? ProvisionVmAgent { get; init; }

        /// <summary>instanceView.vmAgent; null when the instance view has no agent section.</summary>
        public VmAgentEvidence? Agent { get; init; }

        public IReadOnlyList<ExtensionEvidence>? Extensions { get; init; }

        public IReadOnlyList<DiskEvidence>? Disks { get; init; }

        public EncryptionEvidence? Encryption { get; init; }

        /// <summary>Restore point collections whose source is this VM, wherever they live.</summary>
        public IReadOnlyList<RestorePointCollectionEvidence>? RestorePointCollections { get; init; }

        /// <summary>Locks on the AzureBackupRG_* resource groups of the VM's region, on the VM's own resource group, and inherited from the subscription.</summary>
        public IReadOnlyList<LockEvidence>? Locks { get; init; }

        public ProtectionEvidence? Protection { get; init; }

        /// <summary>In-progress jobs and jobs of the last days for this VM's protected item.</summary>
        public IReadOnlyList<JobEvidence>? RecentJobs { get; init; }

        /// <summary>Deny-effect policy assignments that apply at the VM's scope.</summary>
        public IReadOnlyList<PolicyEvidence>? DenyPolicies { get; init; }

        /// <summary>
        /// The vault that is to protect the VM (Test-AzVmBackupReadiness -VaultId). <see cref="TargetVaultEvidence.NotGiven"/>
        /// when no vault was named; null when one was named but not collected.
        /// </summary>
        public TargetVaultEvidence? TargetVault { get; init; } = TargetVaultEvidence.NotGiven;

        /// <summary>Parts that could not be read, and why.</summary>
        public IReadOnlyList<EvidenceGap> Gaps { get; init; } = [];

        public DateTimeOffset CollectedAt { get; init; }
    }
}
