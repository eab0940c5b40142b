using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.RecoveryServices
{
    /// <summary>Recovery Services vaults and Azure VM backup over REST (no SDK package for them here).</summary>
    public sealed class RecoveryServicesClient
    {
        private const string Provider = "providers/Microsoft.RecoveryServices";

        /// <summary>How long to wait between polls when the service names no Retry-After.</summary>
        private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);
        private readonly ArmRestClient _rest;

        public RecoveryServicesClient(AzureSession session)
        {
            _rest = (session ?? throw new ArgumentNullException(nameof(session))).Rest;
        }

        /// <summary>Whether and where a VM is protected, as the region's backup service sees it.</summary>
        public Task<BackupStatus> GetBackupStatusAsync(string subscriptionId, string location, string vmResourceId, CancellationToken cancellationToken) =>
            _rest.PostAsync<BackupStatus>(
                $"subscriptions/{subscriptionId}/{Provider}/locations/{location}/backupStatus",
                Query.ApiVersion(ApiVersions.RecoveryServices),
                new { resourceId = vmResourceId, resourceType = "VM" },
                cancellationToken);

        /// <summary>The vaults of a subscription, or of one resource group when <paramref name="resourceGroupName"/> is given.</summary>
        public Task<IReadOnlyList<RecoveryServicesVault>> ListVaultsAsync(string subscriptionId, string? resourceGroupName, CancellationToken cancellationToken) =>
            _rest.GetAllPagesAsync<RecoveryServicesVault>(
                resourceGroupName == null
                    ? $"subscriptions/{subscriptionId}/{Provider}/vaults"
                    : $"subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/{Provider}/vaults",
                Query.ApiVersion(ApiVersions.RecoveryServices),
                cancellationToken);

        public Task<RecoveryServicesVault> GetVaultAsync(string vaultId, CancellationToken cancellationToken) =>
            _rest.GetAsync<RecoveryServicesVault>(vaultId, Query.ApiVersion(ApiVersions.RecoveryServices), cancellationToken);

        /// <summary>A vault's jobs, filtered by the service, every page.</summary>
        public Task<IReadOnlyList<ArmResource<BackupJobProperties>>> ListJobsAsync(string vaultId, BackupJobFilter filter, CancellationToken cancellationToken) =>
            _rest.GetAllPagesAsync<ArmResource<BackupJobProperties>>(
                vaultId + "/backupJobs",
                Query.ApiVersion(ApiVersions.RecoveryServices, ("$filter", filter?.ToOData())),
                cancellationToken);

        /// <summary>One job with its details (error details, property bag); <paramref name="jobId"/> is the job's resource id.</summary>
        public Task<ArmResource<BackupJobProperties>> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
            _rest.GetAsync<ArmResource<BackupJobProperties>>(jobId, Query.ApiVersion(ApiVersions.RecoveryServices), cancellationToken);

        /// <summary>
        /// The vault's Azure VM protected items; with <paramref name="friendlyName"/>, only the items of VMs of that name
        /// (the service filters, so one VM costs one short page in a vault of thousands).
        /// </summary>
        public Task<IReadOnlyList<ArmResource<ProtectedItemProperties>>> ListProtectedItemsAsync(string vaultId, string? friendlyName, CancellationToken cancellationToken)
        {
            var filter = "backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'";
            if (friendlyName != null)
            {
                filter += " and friendlyName eq " + ODataLiteral.Of(friendlyName);
            }

            return _rest.GetAllPagesAsync<ArmResource<ProtectedItemProperties>>(
                vaultId + "/backupProtectedItems",
                Query.ApiVersion(ApiVersions.RecoveryServices, ("$filter", filter)),
                cancellationToken);
        }

        /// <summary>Starts an on-demand backup; returns the operation URL to poll.</summary>
        public Task<Uri?> TriggerBackupAsync(string protectedItemId, DateTimeOffset? recoveryPointExpiry, CancellationToken cancellationToken)
        {
            var properties = new Dictionary<string, object> { ["objectType"] = "IaasVMBackupRequest" };
            if (recoveryPointExpiry.HasValue)
            {
                properties["recoveryPointExpiryTimeInUTC"] = recoveryPointExpiry.Value.UtcDateTime;
            }

            return _rest.PostAcceptedAsync(
                ProtectedItemPath(protectedItemId) + "/backup",
                Query.ApiVersion(ApiVersions.RecoveryServices),
                new { properties },
                cancellationToken);
        }

        /// <summary>
        /// Polls an operation URL the service handed out (Azure-AsyncOperation or Location) until the operation ends,
        /// waiting as long as each answer's Retry-After asks. Returns the job the operation started, when the service
        /// names one; a failed operation throws <see cref="ArmRequestException"/> with the service's code.
        /// </summary>
        public async Task<string?> WaitForOperationAsync(Uri operation, CancellationToken cancellationToken)
        {
            while (true)
            {
                var poll = await _rest.PollAsync<BackupOperationStatus>(operation, cancellationToken).ConfigureAwait(false);
                var status = poll.Body?.Status;
                var running = poll.Status == 202 || string.Equals(status, "InProgress", StringComparison.OrdinalIgnoreCase);
                if (!running)
                {
                    if (status != null && !string.Equals(status, "Succeeded", StringComparison.OrdinalIgnoreCase))
                    {
                        var error = poll.Body!.Error;
                        throw new ArmRequestException(poll.Status, error?.Code ?? status, error?.Message ?? $"The operation ended {status}.", "GET", operation.AbsolutePath, null);
                    }

                    return poll.Body?.Properties?.JobId;
                }

                await Task.Delay(poll.RetryAfter ?? DefaultPollInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Protected item ids come with or without the backupFabrics/Azure segment (the list omits it); actions need it.
        /// </summary>
        internal static string ProtectedItemPath(string protectedItemId)
        {
            const string containers = "/protectionContainers/";
            var at = protectedItemId.IndexOf(containers, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                throw new ArgumentException($"'{protectedItemId}' is not a protected item id.", nameof(protectedItemId));
            }

            var head = protectedItemId.Substring(0, at);
            var hasFabric = head.IndexOf("/backupFabrics/", StringComparison.OrdinalIgnoreCase) >= 0;
            return (hasFabric ? head : head + "/backupFabrics/Azure") + protectedItemId.Substring(at);
        }
    }
}
