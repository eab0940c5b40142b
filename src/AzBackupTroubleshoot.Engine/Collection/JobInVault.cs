using AzBackupTroubleshoot.Engine.RecoveryServices;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>A job as listed, with the vault it was listed from (the job's id spells the vault inconsistently).</summary>
    internal sealed record JobInVault(string VaultId, ArmResource<BackupJobProperties> Job);
}
