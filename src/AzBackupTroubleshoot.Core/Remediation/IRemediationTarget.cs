using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>The Azure writes a remediation needs. Each call returns when ARM reports the operation finished.</summary>
    public interface IRemediationTarget
    {
        Task DeleteLockAsync(LockEvidence lockToRemove, CancellationToken cancellationToken);

        /// <summary>Creates the lock with exactly the recorded name, level, notes and owners at its scope.</summary>
        Task CreateLockAsync(LockEvidence lockToRestore, CancellationToken cancellationToken);

        /// <summary>Deletes a restore point collection and waits for the long-running operation to end.</summary>
        Task DeleteRestorePointCollectionAsync(string collectionId, CancellationToken cancellationToken);

        /// <summary>Removes a VM extension and waits for the long-running operation to end.</summary>
        Task DeleteExtensionAsync(string vmId, string extensionName, CancellationToken cancellationToken);

        /// <summary>Starts an on-demand backup of a protected VM; returns the job id when the service gives one.</summary>
        Task<string?> TriggerBackupAsync(VmEvidence vm, CancellationToken cancellationToken);
    }
}
