using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Export
{
    /// <summary>
    /// Reads the JSON that <c>az backup job list -o json</c> (an array) or <c>az backup job show -o json</c> (one
    /// job) writes, and REST list responses (<c>{"value": [...]}</c>), into jobs with their error details.
    /// </summary>
    public static class JobExportReader
    {
        private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

        /// <exception cref="FileNotFoundException">The file does not exist.</exception>
        /// <exception cref="JobExportFormatException">The file is not a job export.</exception>
        public static IReadOnlyList<JobEvidence> Read(string path)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The job export '{path}' does not exist.", path);
            }

            return Parse(File.ReadAllBytes(path), path);
        }

        public static IReadOnlyList<JobEvidence> Parse(byte[] utf8Json, string sourceName)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(StripByteOrderMark(utf8Json), Options);
            }
            catch (JsonException ex)
            {
                throw new JobExportFormatException(sourceName, ex.LineNumber + 1, ex.BytePositionInLine + 1, FirstSentence(ex.Message), ex);
            }

            using (document)
            {
                var root = document.RootElement;
                var jobs = root.ValueKind switch
                {
                    JsonValueKind.Array => root.EnumerateArray().ToList(),
                    JsonValueKind.Object when root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array => value.EnumerateArray().ToList(),
                    JsonValueKind.Object => [root],
                    _ => throw new JobExportFormatException(sourceName, null, null, $"expected a job object or an array of jobs, found {root.ValueKind}."),
                };
                return jobs.Select((job, i) => ReadJob(job, i, sourceName)).ToList();
            }
        }

        private static JobEvidence ReadJob(JsonElement job, int index, string source)
        {
            if (job.ValueKind != JsonValueKind.Object || !job.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
            {
                throw new JobExportFormatException(source, null, null, $"job {index + 1} has no 'properties' object.");
            }

            var id = String(job, "id");
            var vaultId = VaultIdOf(id);
            return new JobEvidence
            {
                JobId = String(job, "name") ?? id?.Split('/').Last() ?? string.Empty,
                Operation = String(p, "operation"),
                Status = String(p, "status"),
                WorkloadName = String(p, "entityFriendlyName"),
                BackupManagementType = String(p, "backupManagementType"),
                VaultId = vaultId,
                VmId = VmIdOf(vaultId, String(p, "containerName")),
                StartTime = Time(p, "startTime"),
                EndTime = Time(p, "endTime"),
                Duration = Duration(String(p, "duration")),
                Errors = p.TryGetProperty("errorDetails", out var errors) && errors.ValueKind == JsonValueKind.Array
                    ? errors.EnumerateArray().Select(ReadError).ToList()
                    : [],
            };
        }

        private static JobError ReadError(JsonElement e) => new(
            e.TryGetProperty("errorCode", out var code) ? ScalarText(code) : null,
            String(e, "errorString") ?? String(e, "errorTitle"),
            e.TryGetProperty("recommendations", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(ScalarText).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList()
                : []);

        // Job ids look like /Subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.RecoveryServices/vaults/{v}/backupJobs/{job}.
        private static string? VaultIdOf(string? jobId)
        {
            var at = jobId?.IndexOf("/backupJobs/", StringComparison.OrdinalIgnoreCase) ?? -1;
            return at > 0 ? "/subscriptions" + jobId!.Substring("/subscriptions".Length, at - "/subscriptions".Length) : null;
        }

        // IaaS VM containers are named iaasvmcontainerv2;{resource group};{vm}; with the vault's subscription that is the VM id.
        private static string? VmIdOf(string? vaultId, string? containerName)
        {
            var parts = containerName?.Split(';');
            if (vaultId == null || parts == null || parts.Length != 3 || !parts[0].StartsWith("iaasvmcontainer", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var subscription = vaultId.Split('/')[2];
            return $"/subscriptions/{subscription}/resourceGroups/{parts[1]}/providers/Microsoft.Compute/virtualMachines/{parts[2]}";
        }

        private static string? String(JsonElement e, string name) =>
            e.TryGetProperty(name, out var value) ? ScalarText(value) : null;

        private static string? ScalarText(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };

        private static DateTimeOffset? Time(JsonElement e, string name) =>
            DateTimeOffset.TryParse(String(e, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

        // The REST API writes ISO 8601 (PT31M56.5S); az writes Python's timedelta ("0:31:56.519000").
        private static TimeSpan? Duration(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (text!.StartsWith("P", StringComparison.Ordinal))
            {
                try
                {
                    return XmlConvert.ToTimeSpan(text);
                }
                catch (FormatException)
                {
                    return null;
                }
            }

            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
        }

        private static ReadOnlyMemory<byte> StripByteOrderMark(byte[] bytes) =>
            bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes.AsMemory(3) : bytes;

        private static string FirstSentence(string message)
        {
            var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return end > 0 ? message.Substring(0, end).Trim() : message;
        }
    }
}
