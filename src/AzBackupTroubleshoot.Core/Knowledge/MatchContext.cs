using System;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>
    /// What a failed job was doing and for which kind of workload: the knowledge-base entries that can explain its
    /// error are the ones whose <see cref="KnowledgeEntry.AppliesTo"/> meets <see cref="Admitted"/>. The service reuses
    /// numbers and words across workloads, so an entry of another workload is never the answer.
    /// </summary>
    public sealed class MatchContext
    {
        private const Applicability AzureVmEntries = Applicability.VmBackup | Applicability.Restore | Applicability.AgentExtension | Applicability.Job;
        private const Applicability Everything = AzureVmEntries | Applicability.BackupServer;

        private MatchContext(string? operation, string? workloadType, Applicability admitted)
        {
            Operation = operation;
            WorkloadType = workloadType;
            Admitted = admitted;
        }

        /// <summary>Nothing is known of the job (a bare code or a pasted message): every entry may apply.</summary>
        public static MatchContext Unknown { get; } = new(null, null, Everything);

        /// <summary>The job's operation as the service wrote it (Backup, Restore, ConfigureBackup …).</summary>
        public string? Operation { get; }

        /// <summary>The job's backup management type as the service wrote it (AzureIaasVM, DPM, MAB …).</summary>
        public string? WorkloadType { get; }

        /// <summary>The kinds of entries that can explain an error of this job.</summary>
        public Applicability Admitted { get; }

        /// <param name="operation">Backup, ConfigureBackup, Restore, CrossRegionRestore, DisableBackup …; null when not known.</param>
        /// <param name="backupManagementType">AzureIaasVM or AzureVM; AzureBackupServer, DPM or MAB; any other workload; null when not known.</param>
        public static MatchContext Of(string? operation, string? backupManagementType) =>
            new(operation, backupManagementType, ForOperation(operation) & ForWorkload(backupManagementType));

        public bool Admits(KnowledgeEntry entry) => (entry.AppliesTo & Admitted) != Applicability.None;

        // Cancellation errors (Job) come from whichever job was being cancelled, so every operation admits them.
        private static Applicability ForOperation(string? operation)
        {
            if (string.IsNullOrWhiteSpace(operation) || Is(operation, "Invalid"))
            {
                return Everything;
            }

            if (Is(operation, "Backup") || Is(operation, "ConfigureBackup"))
            {
                return Applicability.VmBackup | Applicability.AgentExtension | Applicability.BackupServer | Applicability.Job;
            }

            if (operation!.IndexOf("Restore", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return Applicability.Restore | Applicability.BackupServer | Applicability.Job;
            }

            // Cancelling, disabling protection, deleting data, registering: only the job-level and server entries.
            return Applicability.BackupServer | Applicability.Job;
        }

        private static Applicability ForWorkload(string? type)
        {
            if (string.IsNullOrWhiteSpace(type) || Is(type, "Invalid") || Is(type, "DefaultBackup"))
            {
                return Everything;
            }

            if (Is(type, "AzureIaasVM") || Is(type, "AzureVM"))
            {
                return AzureVmEntries;
            }

            if (Is(type, "AzureBackupServer") || Is(type, "DPM") || Is(type, "MAB"))
            {
                return Applicability.BackupServer | Applicability.Job;
            }

            // SQL or SAP HANA in a VM, Azure Files and the like: the knowledge base documents only their cancellations.
            return Applicability.Job;
        }

        private static bool Is(string? value, string name) => string.Equals(value?.Trim(), name, StringComparison.OrdinalIgnoreCase);
    }
}
