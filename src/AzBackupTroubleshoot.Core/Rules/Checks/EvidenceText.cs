using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>Formatting of facts in evidence sentences: invariant, so the same evidence reads the same everywhere.</summary>
    internal static class EvidenceText
    {
        private const int LongestQuotedMessage = 200;

        public static string Time(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

        public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        /// <summary>"1 disk", "2 disks": a count with its noun.</summary>
        public static string Count(int count, string noun) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

        public static string Hours(TimeSpan duration) =>
            duration.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h";

        /// <summary>Service messages can be pages long (script output); evidence keeps their start.</summary>
        public static string Shorten(string message)
        {
            var oneLine = string.Join(" ", message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return oneLine.Length <= LongestQuotedMessage ? oneLine : oneLine.Substring(0, LongestQuotedMessage) + "…";
        }

        /// <summary>Clauses such as "lock 'keep' (CanNotDelete) on …" joined into one sentence in each language.</summary>
        public static LocalizedText Sentence(IEnumerable<LocalizedText> clauses)
        {
            var list = clauses.ToList();
            var english = string.Join("; ", list.Select(c => c.English));
            return new LocalizedText(
                english.Length == 0 ? english : char.ToUpperInvariant(english[0]) + english.Substring(1) + ".",
                string.Join("；", list.Select(c => c.SimplifiedChinese)) + "。",
                string.Join("；", list.Select(c => c.TraditionalChinese)) + "。");
        }

        /// <summary>Names such as "'a', 'b'" in each language's list punctuation.</summary>
        public static LocalizedText List(IEnumerable<string> names)
        {
            var list = names.ToList();
            return new LocalizedText(string.Join(", ", list), string.Join("、", list), string.Join("、", list));
        }

        /// <summary>A reported fact as it came, or "not reported" in each language.</summary>
        public static LocalizedText OrNotReported(string? value) =>
            value == null ? new LocalizedText("not reported", "未报告", "未回報") : LocalizedText.Verbatim(value);

        public static bool Is(string? value, string expected) =>
            string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
    }
}
