using System;
using System.Linq;
using System.Xml;
using AzBackupTroubleshoot.Engine.RecoveryServices;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>A Recovery Services job resource as the evidence model's <see cref="JobEvidence"/>.</summary>
    internal static class JobMapper
    {
        public static JobEvidence ToEvidence(ArmResource<BackupJobProperties> job, string vaultId)
        {
            var properties = job.Properties ?? new BackupJobProperties();
            return new JobEvidence
            {
                JobId = job.Name ?? job.Id ?? string.Empty,
                Operation = properties.Operation,
                Status = properties.Status,
                WorkloadName = properties.EntityFriendlyName,
                BackupManagementType = properties.BackupManagementType,
                VaultId = vaultId,
                VmId = null,
                StartTime = properties.StartTime,
                EndTime = properties.EndTime,
                Duration = ParseDuration(properties.Duration),
                Errors = (properties.ErrorDetails ?? [])
                    .Select(error => new JobError(error.CodeText, error.ErrorString, error.Recommendations?.ToArray() ?? []))
                    .ToArray(),
            };
        }

        private static TimeSpan? ParseDuration(string? duration)
        {
            if (string.IsNullOrEmpty(duration))
            {
                return null;
            }

            try
            {
                return XmlConvert.ToTimeSpan(duration);
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
