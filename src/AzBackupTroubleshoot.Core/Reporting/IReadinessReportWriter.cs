using System.Collections.Generic;
using System.IO;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Reporting
{
    /// <summary>Writes readiness results as a report file for people or CI systems.</summary>
    public interface IReadinessReportWriter
    {
        /// <summary>Writes every result, grouped per VM in the order the VMs first appear.</summary>
        void Write(IEnumerable<ReadinessResult> results, TextWriter writer);
    }
}
