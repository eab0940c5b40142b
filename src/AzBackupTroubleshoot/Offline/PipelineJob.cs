using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Offline
{
    /// <summary>
    /// Reads the error details of a job object shaped like Az.RecoveryServices' job output (ErrorCode,
    /// ErrorMessage, Recommendations) by property name, so the module never needs the Az assemblies.
    /// </summary>
    internal static class PipelineJob
    {
        public static IReadOnlyList<JobError> Errors(IEnumerable<PSObject?> details) =>
            details.Where(d => d != null).Select(d => new JobError(
                Text(d!, "ErrorCode"),
                Text(d!, "ErrorMessage"),
                Items(d!, "Recommendations"))).ToList();

        /// <summary>Az reports times in UTC; a time without a kind is taken as UTC too.</summary>
        public static DateTimeOffset? Time(DateTime? time) =>
            time.HasValue
                ? new DateTimeOffset(time.Value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time.Value, DateTimeKind.Utc) : time.Value)
                : null;

        private static string? Text(PSObject item, string property)
        {
            var value = item.Properties[property]?.Value;
            return value == null ? null : Convert.ToString(PSObject.AsPSObject(value).BaseObject, CultureInfo.InvariantCulture);
        }

        private static IReadOnlyList<string> Items(PSObject item, string property)
        {
            var value = item.Properties[property]?.Value;
            if (value == null)
            {
                return [];
            }

            var items = LanguagePrimitives.GetEnumerable(value) ?? new[] { value };
            return items.Cast<object?>().Select(i => i?.ToString()).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();
        }
    }
}
