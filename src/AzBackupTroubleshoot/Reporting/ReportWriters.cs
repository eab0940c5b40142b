using System;
using AzBackupTroubleshoot.Engine.Reporting;
using AzBackupTroubleshoot.Reporting;

namespace AzBackupTroubleshoot.Reporting
{
    /// <summary>The report writer for an -OutputFormat name (JSON lives in the engine, which has a JSON library).</summary>
    internal static class ReportWriters
    {
        public static IReadinessReportWriter For(string format) => format.ToUpperInvariant() switch
        {
            "JUNIT" => new JUnitReportWriter(),
            "NUNIT" => new NUnitReportWriter(),
            "JSON" => new JsonReportWriter(),
            "MARKDOWN" => new MarkdownReportWriter(),
            "HTML" => new HtmlReportWriter(),
            _ => throw new ArgumentException($"'{format}' is not a report format.", nameof(format)),
        };
    }
}
