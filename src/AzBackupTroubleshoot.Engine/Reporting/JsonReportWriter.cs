using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AzBackupTroubleshoot.Reporting;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Engine.Reporting
{
    /// <summary>
    /// Readiness results as JSON for pipelines and dashboards: a summary, then one object per VM with its verdict
    /// and every rule's result. Enum values are written as names so the file reads the same in any language.
    /// </summary>
    public sealed class JsonReportWriter : IReadinessReportWriter
    {
        private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public void Write(IEnumerable<ReadinessResult> results, TextWriter writer)
        {
            var groups = VmResultGroup.ByVm(results);
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, Options))
            {
                json.WriteStartObject();
                json.WriteString("schema", "AzBackupTroubleshoot.Readiness/1");
                json.WriteString("generatedAt", DateTimeOffset.UtcNow);
                json.WriteStartObject("summary");
                json.WriteNumber("vms", groups.Count);
                foreach (var verdict in (ReadinessVerdict[])Enum.GetValues(typeof(ReadinessVerdict)))
                {
                    json.WriteNumber(Camel(verdict.ToString()), groups.Count(g => g.Summary.Verdict == verdict));
                }

                json.WriteEndObject();
                json.WriteStartArray("vms");
                foreach (var group in groups)
                {
                    WriteVm(json, group);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        }

        private static void WriteVm(Utf8JsonWriter json, VmResultGroup group)
        {
            var s = group.Summary;
            json.WriteStartObject();
            json.WriteString("vmId", s.VmId);
            json.WriteString("vmName", s.VmName);
            json.WriteString("resourceGroupName", s.ResourceGroupName);
            json.WriteString("subscriptionId", s.SubscriptionId);
            json.WriteString("verdict", s.Verdict.ToString());
            json.WriteNumber("passed", s.Passed);
            json.WriteNumber("warnings", s.Warnings);
            json.WriteNumber("failed", s.Failed);
            json.WriteNumber("notApplicable", s.NotApplicable);
            json.WriteNumber("unknown", s.Unknown);
            json.WriteStartArray("results");
            foreach (var r in group.Results)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", r.RuleId);
                json.WriteString("title", r.Title);
                json.WriteString("severity", r.Severity.ToString());
                json.WriteString("result", r.Result.ToString());
                json.WriteString("evidence", r.Evidence);
                json.WriteStartArray("knowledgeIds");
                foreach (var id in r.KnowledgeIds)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
                WriteOptional(json, "remedy", r.Remedy);
                WriteOptional(json, "remedyCommand", r.RemedyCommand);
                json.WriteString("collectedAt", r.CollectedAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
        {
            if (value == null)
            {
                json.WriteNull(name);
            }
            else
            {
                json.WriteString(name, value);
            }
        }

        private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
    }
}
