using AzBackupTroubleshoot.Engine.RecoveryServices;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>A protected item as listed, with the vault it was listed from.</summary>
    internal sealed record ProtectedItemInVault(string VaultId, ArmResource<ProtectedItemProperties> Item);
}
