using System;

namespace AzBackupTroubleshoot.Engine.RecoveryServices
{
    /// <summary>properties of an IaaS VM protected item.</summary>
    public sealed class ProtectedItemProperties
    {
        public string? FriendlyName { get; set; }

        public string? VirtualMachineId { get; set; }

        public string? SourceResourceId { get; set; }

        public string? ProtectionStatus { get; set; }

        /// <summary>Protected, ProtectionStopped, ProtectionPaused, IRPending, ProtectionError …</summary>
        public string? ProtectionState { get; set; }

        public string? HealthStatus { get; set; }

        public string? LastBackupStatus { get; set; }

        public string? ContainerName { get; set; }

        public string? WorkloadType { get; set; }

        public string? BackupManagementType { get; set; }
    }
}
