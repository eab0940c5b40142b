using System;
using System.Collections.Generic;
using System.Globalization;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.RecoveryServices
{
    /// <summary>The server-side $filter of the backup jobs list: equality terms joined by "and", as the service accepts.</summary>
    public sealed class BackupJobFilter
    {
        public const string AzureIaasVm = "AzureIaasVM";

        public string? Status { get; set; }

        public string? Operation { get; set; }

        /// <summary>One job by its name (a GUID).</summary>
        public string? JobId { get; set; }

        public DateTimeOffset? StartTime { get; set; }

        public DateTimeOffset? EndTime { get; set; }

        public string? BackupManagementType { get; set; } = AzureIaasVm;

        public string? ToOData()
        {
            var terms = new List<string>();
            Add(terms, "backupManagementType", BackupManagementType);
            Add(terms, "operation", Operation);
            Add(terms, "status", Status);
            Add(terms, "jobId", JobId);
            Add(terms, "startTime", StartTime.HasValue ? Format(StartTime.Value) : null);
            Add(terms, "endTime", EndTime.HasValue ? Format(EndTime.Value) : null);
            return terms.Count == 0 ? null : string.Join(" and ", terms);
        }

        // The service's own examples write times as 'yyyy-MM-dd hh:mm:ss AM', in UTC.
        private static string Format(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd hh:mm:ss tt", CultureInfo.InvariantCulture);

        private static void Add(List<string> terms, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                terms.Add($"{name} eq {ODataLiteral.Of(value!)}");
            }
        }
    }
}
