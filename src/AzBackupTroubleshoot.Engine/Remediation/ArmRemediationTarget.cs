using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.RecoveryServices;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Remediation;

namespace AzBackupTroubleshoot.Engine.Remediation
{
    /// <summary>
    /// The Azure writes of a remediation, through one session: locks and Compute resources with the SDK, on-demand
    /// backups over Recovery Services REST. Every call waits for ARM to finish the operation and honours the
    /// cancellation token; ARM's refusals surface as <see cref="ArmRequestException"/> with ARM's code (ScopeLocked …).
    /// </summary>
    public sealed class ArmRemediationTarget : IRemediationTarget
    {
        /// <summary>How long the recovery point of an on-demand backup is kept unless the caller says otherwise.</summary>
        public static readonly TimeSpan DefaultRecoveryPointRetention = TimeSpan.FromDays(30);

        /// <summary>Protection stopped with the data kept, under the names the service has used for it.</summary>
        private static readonly string[] StoppedProtectionStates = ["ProtectionStopped", "ProtectionPaused", "BackupsSuspended"];

        private readonly ArmClient _arm;
        private readonly RecoveryServicesClient _backup;
        private readonly TimeSpan _retention;
        private readonly Func<DateTimeOffset> _clock;

        /// <param name="session">The connection to write through.</param>
        /// <param name="recoveryPointRetention">How long an on-demand backup's recovery point is kept (default 30 days).</param>
        public ArmRemediationTarget(AzureSession session, TimeSpan? recoveryPointRetention = null)
            : this(session, recoveryPointRetention, () => DateTimeOffset.UtcNow)
        {
        }

        internal ArmRemediationTarget(AzureSession session, TimeSpan? recoveryPointRetention, Func<DateTimeOffset> clock)
        {
            if (session == null)
            {
                throw new ArgumentNullException(nameof(session));
            }

            _arm = session.Arm;
            _backup = new RecoveryServicesClient(session);
            _retention = recoveryPointRetention ?? DefaultRecoveryPointRetention;
            _clock = clock;
        }

        public async Task<LockEvidence?> ReadLockAsync(LockEvidence lockToRead, CancellationToken cancellationToken)
        {
            var id = LockIdOf(lockToRead);
            try
            {
                var data = (await _arm.GetManagementLockResource(id).GetAsync(cancellationToken).ConfigureAwait(false)).Value.Data;
                return lockToRead with
                {
                    Level = data.Level.ToString(),
                    Notes = data.Notes,
                    Owners = data.Owners.Select(o => o.ApplicationId).Where(a => a != null).ToList(),
                };
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return null;
            }
            catch (RequestFailedException exception)
            {
                throw ArmErrors.FromSdk(exception, "GET", id.ToString());
            }
        }

        /// <summary>
        /// Reads the lock again and removes it only when it is still exactly as recorded: the record is what will be
        /// put back, so a lock changed (or removed) since must not be replaced by an old copy. Only an ARM refusal
        /// (a 4xx other than 404) of the DELETE is a clear "not removed"; anything else may have removed it.
        /// </summary>
        public async Task DeleteLockAsync(LockEvidence lockToRemove, CancellationToken cancellationToken)
        {
            var current = await ReadLockAsync(lockToRemove, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Lock {lockToRemove} no longer exists; collect the evidence again before cleaning up.");
            if (!current.IsSameLockAs(lockToRemove))
            {
                throw new InvalidOperationException(
                    $"Lock {lockToRemove} changed since it was recorded (now {current.Level}, notes '{current.Notes}'); it is left in place. Collect the evidence again before cleaning up.");
            }

            var id = LockIdOf(lockToRemove);
            try
            {
                await _arm.GetManagementLockResource(id).DeleteAsync(WaitUntil.Completed, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.Status is >= 400 and < 500 and not 404)
            {
                throw ArmErrors.FromSdk(exception, "DELETE", id.ToString());
            }
            catch (RequestFailedException exception)
            {
                // A 5xx (after the retries), a 404 of a retry, or no response at all: the first DELETE may have done it.
                throw new UnansweredLockDeleteException($"The DELETE of lock {lockToRemove} got no clear answer.", ArmErrors.FromSdk(exception, "DELETE", id.ToString()));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A dropped connection or timeout after the retries (often an AggregateException), or Ctrl+C mid-request.
                throw new UnansweredLockDeleteException($"The DELETE of lock {lockToRemove} got no answer.", exception);
            }
        }

        public Task CreateLockAsync(LockEvidence lockToRestore, CancellationToken cancellationToken)
        {
            var id = LockIdOf(lockToRestore);
            var data = new ManagementLockData(new ManagementLockLevel(lockToRestore.Level)) { Notes = lockToRestore.Notes };
            foreach (var owner in lockToRestore.Owners)
            {
                data.Owners.Add(new ManagementLockOwner { ApplicationId = owner });
            }

            // A lock's PUT creates it at its scope (Update is the SDK's name for the same call).
            return SdkAsync("PUT", id, () => _arm.GetManagementLockResource(id).UpdateAsync(WaitUntil.Completed, data, cancellationToken));
        }

        public Task DeleteRestorePointCollectionAsync(string collectionId, CancellationToken cancellationToken)
        {
            var id = new ResourceIdentifier(collectionId);
            return SdkAsync("DELETE", id, () => _arm.GetRestorePointGroupResource(id).DeleteAsync(WaitUntil.Completed, cancellationToken));
        }

        public async Task<CollectionStatus> ReadRestorePointCollectionAsync(string collectionId, CancellationToken cancellationToken)
        {
            try
            {
                var data = (await _arm.GetRestorePointGroupResource(new ResourceIdentifier(collectionId)).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Data;
                var state = data.ProvisioningState;
                return string.Equals(state, "Deleting", StringComparison.OrdinalIgnoreCase)
                    ? new CollectionStatus(collectionId, CollectionState.Deleting, state)
                    : new CollectionStatus(collectionId, CollectionState.Present, state == null ? null : "provisioningState " + state);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return new CollectionStatus(collectionId, CollectionState.Gone, null);
            }
            catch (RequestFailedException exception)
            {
                throw ArmErrors.FromSdk(exception, "GET", collectionId);
            }
        }

        public Task DeleteExtensionAsync(string vmId, string extensionName, CancellationToken cancellationToken)
        {
            var vm = new ResourceIdentifier(vmId);
            var id = VirtualMachineExtensionResource.CreateResourceIdentifier(vm.SubscriptionId, vm.ResourceGroupName, vm.Name, extensionName);
            return SdkAsync("DELETE", id, () => _arm.GetVirtualMachineExtensionResource(id).DeleteAsync(WaitUntil.Completed, cancellationToken));
        }

        /// <summary>
        /// POSTs …/protectedItems/{item}/backup with a recovery point expiry and follows the operation to the job it
        /// starts. The protected item comes from the evidence; when only the vault is known, from the vault's items.
        /// </summary>
        /// <exception cref="InvalidOperationException">The VM is not protected, or its protection is stopped.</exception>
        public async Task<string?> TriggerBackupAsync(VmEvidence vm, CancellationToken cancellationToken)
        {
            if (vm == null)
            {
                throw new ArgumentNullException(nameof(vm));
            }

            var protection = vm.Protection;
            if (StoppedProtectionStates.Contains(protection?.ProtectionState ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"Protection of {vm.Vm.Name} is stopped (protection state {protection!.ProtectionState} of {protection.ProtectedItemId}); resume protection before an on-demand backup can run.");
            }

            var itemId = protection?.ProtectedItemId
                ?? (protection?.VaultId == null ? null : await FindProtectedItemAsync(protection.VaultId, vm.Vm, cancellationToken).ConfigureAwait(false))
                ?? throw new InvalidOperationException(
                    $"{vm.Vm.Name} is not protected by a Recovery Services vault (protection status {protection?.ProtectionStatus ?? "unknown"}); an on-demand backup needs protection to be configured first.");

            var operation = await _backup.TriggerBackupAsync(itemId, _clock() + _retention, cancellationToken).ConfigureAwait(false);
            return operation == null ? null : await _backup.WaitForOperationAsync(operation, cancellationToken).ConfigureAwait(false);
        }

        private async Task<string?> FindProtectedItemAsync(string vaultId, VmIdentity vm, CancellationToken cancellationToken)
        {
            var items = await _backup.ListProtectedItemsAsync(vaultId, vm.Name, cancellationToken).ConfigureAwait(false);
            return items.FirstOrDefault(item => BackupSource.IsProtectedItemOf(item.Properties, vm.ResourceId))?.Id;
        }

        private static ResourceIdentifier LockIdOf(LockEvidence l) => ManagementLockResource.CreateResourceIdentifier(l.Scope, l.Name);

        private static async Task SdkAsync<T>(string method, ResourceIdentifier id, Func<Task<T>> call)
        {
            try
            {
                await call().ConfigureAwait(false);
            }
            catch (RequestFailedException exception)
            {
                throw ArmErrors.FromSdk(exception, method, id.ToString());
            }
        }
    }
}
