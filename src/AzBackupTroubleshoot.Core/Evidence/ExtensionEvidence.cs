using System;
using System.Collections.Generic;

namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>One VM extension as ARM reports it.</summary>
    public sealed record ExtensionEvidence
    {
        public required string Name { get; init; }

        public string? Publisher { get; init; }

        /// <summary>The extension type (VMSnapshot, VMSnapshotLinux, AzureDiskEncryption …). Publishers are reported inconsistently, so match on this.</summary>
        public required string Type { get; init; }

        public string? TypeHandlerVersion { get; init; }

        /// <summary>Succeeded, Failed, Deleting, Updating, Creating …</summary>
        public string? ProvisioningState { get; init; }

        public IReadOnlyList<StatusEvidence> Statuses { get; init; } = [];

        /// <summary>VMSnapshot or VMSnapshotLinux; the instance view prefixes the publisher (Microsoft.Azure.RecoveryServices.VMSnapshot).</summary>
        public bool IsBackupExtension => IsType("VMSnapshot") || IsType("VMSnapshotLinux");

        private bool IsType(string type) =>
            string.Equals(Type, type, StringComparison.OrdinalIgnoreCase)
            || Type.EndsWith("." + type, StringComparison.OrdinalIgnoreCase);
    }
}
