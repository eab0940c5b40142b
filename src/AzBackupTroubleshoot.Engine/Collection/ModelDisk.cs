using Azure.ResourceManager.Compute.Models;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>An OS or data disk as the VM model describes it (the two model types share no base).</summary>
    internal sealed record ModelDisk(
        string Name,
        string? ManagedDiskId,
        bool IsOsDisk,
        int? SizeGb,
        string? StorageAccountType,
        string? VhdUri,
        DiskEncryptionSettings? ModelEncryption);
}
