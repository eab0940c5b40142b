using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>The Azure writes a remediation needs. Each call returns when ARM reports the operation finished.</summary>
    public interface IRemediationTarget
    {
        /// <summary>Reads the lock as it is now; null when it does not exist.</summary>
        Task<LockEvidence?> ReadLockAsync(LockEvidence lockToRead, CancellationToken cancellationToken);

        /// <summary>
        /// Removes the lock. Throws <see cref="UnansweredLockDeleteException"/> when the DELETE was sent but no clear
        /// answer came back (ARM may have removed it); any other exception means the lock was not removed.
        /// </summary>
        Task DeleteLockAsync(LockEvidence lockToRemove, CancellationToken cancellationToken);

        /// <summary>Creates the lock with exactly the recorded name, level, notes and owners at its scope.</summary>
        Task CreateLockAsync(LockEvidence lockToRestore, CancellationToken cancellationToken);

        /// <summary>Deletes a restore point collection and waits for the long-running operation to end.</summary>
        Task DeleteRestorePointCollectionAsync(string collectionId, CancellationToken cancellationToken);

        /// <summary>Reads whether a restore point collection is gone, still being deleted, or present.</summary>
        Task<CollectionStatus> ReadRestorePointCollectionAsync(string collectionId, CancellationToken cancellationToken);

        /// <summary>Removes a VM extension and waits for the long-running operation to end.</summary>
        Task DeleteExtensionAsync(string vmId, string extensionName, CancellationToken cancellationToken);

        /// <summary>Starts an on-demand backup of a protected VM; returns the job id when the service gives one.</summary>
        Task<string?> TriggerBackupAsync(VmEvidence vm, CancellationToken cancellationToken);
    }
}
