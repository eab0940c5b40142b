using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Directory;
using AzBackupTroubleshoot.Engine.KeyVault;
using AzBackupTroubleshoot.Engine.Policy;
using AzBackupTroubleshoot.Engine.RecoveryServices;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>The per-scope sources a scan reads through, one set per scan (their caches live as long as the scan).</summary>
    internal sealed class ScanSources(AzureSession session)
    {
        public VmModelSource Vms { get; } = new(session.Arm);

        public LockSource Locks { get; } = new(session.Arm);

        public RestorePointCollectionSource RestorePoints { get; } = new(session.Arm, session.Rest);

        public PolicySource Policies { get; } = new(session.Arm, new PolicyDefinitionClient(session));

        public BackupSource Backup { get; } = new(new RecoveryServicesClient(session));

        public ModelFollowUpReader ModelParts { get; } = new(
            new VmModelSource(session.Arm),
            new DiskSource(session.Arm),
            new KeyVaultManagementClient(session),
            new ServicePrincipalDirectory(session));

        public RequestCounter Requests { get; } = session.Requests;
    }
}
