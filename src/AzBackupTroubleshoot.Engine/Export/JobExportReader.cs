using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Engine.Export
{
    /// <summary>
    /// Reads the JSON that <c>az backup job list -o json</c> (an array) or <c>az backup job show -o json</c> (one
    /// job) writes, and REST list responses (<c>{"value": [...]}</c>), into jobs with their error details. The file may be
    /// UTF-8 (with or without a byte order mark) or UTF-16 with one (what Windows PowerShell 5.1's <c>&gt;</c> writes). A
    /// job that is malformed or holds text that cannot be decoded is a problem of that job alone; the others are read.
    /// </summary>
    public static class JobExportReader
    {
        private const string JobIdShape = "/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.RecoveryServices/vaults/<vault>/backupJobs/<job>";

        // Stands in for text that is not valid UTF-16: it is not valid UTF-8 either, so its job is refused like any undecodable one.
        private const byte Undecodable = 0xFF;

        private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

        /// <exception cref="FileNotFoundException">The file does not exist.</exception>
        /// <exception cref="JobExportFormatException">The file is not a job export.</exception>
        public static JobExport Read(string path)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The job export '{path}' does not exist.", path);
            }

            return Parse(File.ReadAllBytes(path), path);
        }

        /// <exception cref="JobExportFormatException">The text is not a job export.</exception>
        public static JobExport Parse(byte[] json, string sourceName)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(Utf8(json), Options);
            }
            catch (JsonException ex)
            {
                throw new JobExportFormatException(sourceName, ex.LineNumber + 1, ex.BytePositionInLine + 1, FirstSentence(ex.Message), ex);
            }

            using (document)
            {
                var root = document.RootElement;
                var elements = root.ValueKind switch
                {
                    JsonValueKind.Array => root.EnumerateArray().ToList(),
                    JsonValueKind.Object when root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array => value.EnumerateArray().ToList(),
                    JsonValueKind.Object => [root],
                    _ => throw new JobExportFormatException(sourceName, null, null, $"expected a job object or an array of jobs, found {root.ValueKind}."),
                };
                var jobs = new List<JobEvidence>();
                var invalid = new List<JobExportFormatException>();
                for (var i = 0; i < elements.Count; i++)
                {
                    try
                    {
                        jobs.Add(ReadJob(elements[i]));
                    }
                    catch (FormatException ex)
                    {
                        invalid.Add(JobExportFormatException.InJob(sourceName, i + 1, ex.Message));
                    }
                }

                return new JobExport(jobs, invalid);
            }
        }

        /// <exception cref="FormatException">This job is malformed.</exception>
        private static JobEvidence ReadJob(JsonElement job)
        {
            if (job.ValueKind != JsonValueKind.Object || !job.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("it has no 'properties' object.");
            }

            var id = JobIdOf(String(job, "id"));
            var vaultId = id == null ? null : $"/subscriptions/{id.SubscriptionId}/resourceGroups/{id.ResourceGroupName}/providers/{id.Provider}/{id.Segments[0].Type}/{id.Segments[0].Name}";
            return new JobEvidence
            {
                JobId = String(job, "name") ?? id?.Name ?? string.Empty,
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

        private static JobError ReadError(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"its 'errorDetails' hold {e.ValueKind} where an error object belongs.");
            }

            return new JobError(
                String(e, "errorCode"),
                String(e, "errorString") ?? String(e, "errorTitle"),
                e.TryGetProperty("recommendations", out var r) && r.ValueKind == JsonValueKind.Array
                    ? r.EnumerateArray().Select(item => ScalarText(item, "recommendations")).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList()
                    : []);
        }

        // Job ids look like /Subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.RecoveryServices/vaults/{v}/backupJobs/{job}; a job may come without one.
        private static AzureResourceId? JobIdOf(string? id)
        {
            if (string.IsNullOrEmpty(id))
            {
                return null;
            }

            return AzureResourceId.TryParse(id, out var parsed, out _)
                && parsed!.ResourceGroupName != null
                && string.Equals(parsed.ResourceType, "Microsoft.RecoveryServices/vaults/backupJobs", StringComparison.OrdinalIgnoreCase)
                ? parsed
                : throw new FormatException($"its id '{id}' is not a backup job's resource id ({JobIdShape}).");
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
            e.TryGetProperty(name, out var value) ? ScalarText(value, name) : null;

        private static string? ScalarText(JsonElement value, string name) => value.ValueKind switch
        {
            JsonValueKind.String => Text(value, name),
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

        private static string Text(JsonElement value, string name)
        {
            try
            {
                return value.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json checks a string's UTF-8 only when it is decoded.
                throw new FormatException($"its '{name}' is not valid Unicode text.");
            }
        }

        private static ReadOnlyMemory<byte> Utf8(byte[] bytes) =>
            bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes.AsMemory(3)
            : bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE ? Utf16ToUtf8(bytes, bigEndian: false)
            : bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF ? Utf16ToUtf8(bytes, bigEndian: true)
            : bytes;

        // After the byte order mark. A lone surrogate or an odd last byte becomes the Undecodable byte, not U+FFFD: a
        // name is never silently changed.
        private static byte[] Utf16ToUtf8(byte[] bytes, bool bigEndian)
        {
            var chars = new char[(bytes.Length - 2) / 2];
            for (var i = 0; i < chars.Length; i++)
            {
                int first = bytes[2 + (2 * i)], second = bytes[3 + (2 * i)];
                chars[i] = (char)(bigEndian ? (first << 8) | second : (second << 8) | first);
            }

            using var utf8 = new MemoryStream(bytes.Length);
            var run = 0;
            for (var i = 0; i < chars.Length; i++)
            {
                if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(chars[i]))
                {
                    Write(utf8, chars, run, i - run);
                    utf8.WriteByte(Undecodable);
                    run = i + 1;
                }
            }

            Write(utf8, chars, run, chars.Length - run);
            if (bytes.Length % 2 != 0)
            {
                utf8.WriteByte(Undecodable);
            }

            return utf8.ToArray();
        }

        private static void Write(Stream stream, char[] chars, int start, int count)
        {
            var encoded = Encoding.UTF8.GetBytes(chars, start, count);
            stream.Write(encoded, 0, encoded.Length);
        }

        private static string FirstSentence(string message)
        {
            var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return end > 0 ? message.Substring(0, end).Trim() : message;
        }
    }
}
