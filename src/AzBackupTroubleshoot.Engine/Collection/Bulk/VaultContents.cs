using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Engine.RecoveryServices;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>
    /// One vault's protected items and recent jobs, each listed once for every VM of the scan, indexed so that each
    /// VM finds its own without walking the whole lists.
    /// </summary>
    internal sealed record VaultContents(
        RecoveryServicesVault Vault,
        FetchResult<IReadOnlyList<ProtectedItemInVault>> Items,
        FetchResult<IReadOnlyList<JobInVault>> Jobs)
    {
        /// <summary>Items by the VM they protect (an item names it as virtualMachineId or sourceResourceId).</summary>
        public ILookup<string, ProtectedItemInVault> ItemsByVm { get; } = (Items.Value ?? [])
            .SelectMany(item => new[] { item.Item.Properties?.VirtualMachineId, item.Item.Properties?.SourceResourceId }
                .Where(id => id != null)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(id => (Id: id!, Item: item)))
            .ToLookup(entry => entry.Id, entry => entry.Item, StringComparer.OrdinalIgnoreCase);

        /// <summary>Jobs by the workload's friendly name, the only VM name a job carries.</summary>
        public ILookup<string, JobInVault> JobsByWorkload { get; } = (Jobs.Value ?? [])
            .Where(job => job.Job.Properties?.EntityFriendlyName != null)
            .ToLookup(job => job.Job.Properties!.EntityFriendlyName!, StringComparer.OrdinalIgnoreCase);
    }
}
