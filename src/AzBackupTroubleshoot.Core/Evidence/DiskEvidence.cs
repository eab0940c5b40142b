namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>One OS or data disk of the VM.</summary>
    public sealed record DiskEvidence
    {
        public required string Name { get; init; }

        /// <summary>The managed disk's resource id; null for an unmanaged (VHD blob) disk.</summary>
        public string? ManagedDiskId { get; init; }

        public bool IsOsDisk { get; init; }

        public int? SizeGb { get; init; }

        /// <summary>Azure Disk Encryption (BitLocker / dm-crypt) is on for this disk.</summary>
        public bool AdeEncrypted { get; init; }

        public string? StorageAccountType { get; init; }

        /// <summary>For an unmanaged disk, the VHD's blob URI.</summary>
        public string? VhdUri { get; init; }

        /// <summary>The managed disk's maxShares: above 1, a shared disk; null when the disk's own GET was not read.</summary>
        public int? MaxShares { get; init; }

        public bool IsManaged => ManagedDiskId != null;
    }
}
