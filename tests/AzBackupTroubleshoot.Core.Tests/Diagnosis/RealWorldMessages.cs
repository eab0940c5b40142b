using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Core.Tests.Diagnosis
{
    /// <summary>
    /// Job errors as users meet them, written for these tests: texts the knowledge base must not claim, and each
    /// entry's own documented code and message on a job of the kind the entry is about.
    /// </summary>
    internal static class RealWorldMessages
    {
        public const string AzureVm = "AzureIaasVM";
        public const string BackupServer = "AzureBackupServer";

        /// <summary>Operation, workload type, code, message: none of these is a documented error of its job.</summary>
        public static IEnumerable<object?[]> NotDiagnosed() =>
        [
            // A virtual machine "not found" in a context other than the protected VM being gone.
            ["Backup", AzureVm, "0", "The VM extension handler 'Microsoft.Azure.RecoveryServices.VMSnapshot' was not found on the Azure virtual machine."],
            ["Backup", AzureVm, "0", "Azure virtual machine image was not found in the shared image gallery."],
            ["Backup", AzureVm, null, "The key vault referenced by the Azure virtual machine was not found."],
            ["Backup", AzureVm, null, "Virtual machine scale set 'vmss-web' was not found."],
            ["Restore", AzureVm, "0", "The virtual machine doesn't exist."],
            ["Restore", AzureVm, "ResourceNotFound", "The Resource 'Microsoft.Compute/virtualMachines/vm-web01' under resource group 'rg-app' was not found."],
            ["Backup", "MAB", null, "The virtual machine doesn't exist."],
            // A restore's internal error is not a backup's, nor necessarily the cloud-service restore error.
            ["Restore", AzureVm, "0", "The operation failed due to an internal error."],
            ["Restore", AzureVm, "0", "Restore failed due to an internal service error."],
            // Generic failures.
            ["Backup", AzureVm, "0", "An internal error occurred while processing the request. Operation failed."],
            ["Backup", AzureVm, null, "Operation failed."],
            ["ConfigureBackup", AzureVm, null, "The operation failed. Please retry later."],
            // A numeric code of another workload's entry, with nothing else to go by.
            ["Backup", AzureVm, "4024", "An unexpected error occurred."],
            ["Backup", "DPM", "320001", "An unexpected error occurred."],
            ["Backup", BackupServer, "400094", "Some unexpected failure happened on the server."],
        ];

        /// <summary>Operation, workload type, code, message, the entry it is.</summary>
        public static IEnumerable<object?[]> Diagnosed() =>
        [
            // The job's own text code beats a numeric code of another workload's entry, both ways.
            ["Backup", AzureVm, "100110", "UserErrorGuestAgentStatusUnavailable - VM Agent unable to communicate with Azure Backup.", "B1"],
            ["Backup", "DPM", "400094", "CBPSourceSnapshotFailedReplicaInconsistent: Source volume snapshot failed due to inconsistent datasource replica.", "F18"],
            ["Backup", AzureVm, "400094", "The virtual machine doesn't exist. An Azure virtual machine wasn't found.", "A12"],
            ["Backup", AzureVm, "999999", "Backup failed: the restore point collection max limit has been reached.", "B4"],
            ["Backup", AzureVm, "OperationNotAllowed", "OperationNotAllowed : The number of restore points across restore point collections and resource groups for a VM cannot exceed 18. To create a new restore point, please delete existing restore points.", "B4"],
            ["ConfigureBackup", AzureVm, null, "Protection of virtual machines with Ultra disk or Premium SSD v2 could not be performed in the selected vault, with storage replication type as geo-redundant.", "G16"],
            ["ConfigureBackup", AzureVm, "UserErrorUltraDiskOrPremiumSSDV2DiskVMCannotBeProtectedOnGRSVault", "Protection could not be performed in the selected vault.", "G16"],
            ["Restore", AzureVm, "0", "Restore failed with a cloud internal error.", "E1"],
            ["Backup", AzureVm, "0", "Cancellation is not supported for this job type.", "D1"],
            ["Backup", BackupServer, "100110", "The original and external DPM servers must be registered to the same vault.", "F4"],
        ];

        /// <summary>Every entry's own codes and messages on a job the entry is about.</summary>
        public static IEnumerable<object?[]> OwnCodesAndMessages() =>
            KnowledgeBase.Default.Entries.SelectMany(e =>
            {
                var (operation, workload) = JobFor(e.AppliesTo);
                return e.Codes.Select(c => new object?[] { operation, workload, c.Text, null, e.Id })
                    .Concat(e.Messages.Select(m => new object?[] { operation, workload, null, m, e.Id }));
            });

        public static JobEvidence Job(string? operation, string? workloadType, string? code, string? message) => new()
        {
            JobId = "job-1",
            Operation = operation,
            Status = "Failed",
            WorkloadName = "vm1",
            BackupManagementType = workloadType,
            Errors = [new JobError(code, message, [])],
        };

        private static (string Operation, string Workload) JobFor(Applicability appliesTo) =>
            appliesTo.HasFlag(Applicability.BackupServer) ? ("Backup", BackupServer)
            : appliesTo.HasFlag(Applicability.VmBackup) || appliesTo.HasFlag(Applicability.Job) ? ("Backup", AzureVm)
            : ("Restore", AzureVm);
    }
}
