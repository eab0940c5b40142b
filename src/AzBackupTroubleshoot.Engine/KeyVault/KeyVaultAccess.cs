using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Engine.KeyVault
{
    /// <summary>Whether the Backup Management Service can read what backup needs from the Key Vaults, and why we think so.</summary>
    internal sealed record KeyVaultAccess(bool? HasAccess, LocalizedText Detail);
}
