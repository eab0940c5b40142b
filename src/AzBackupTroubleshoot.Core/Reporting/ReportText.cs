using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Reporting
{
    /// <summary>Text the XML reports share: a result's details and values made safe for XML.</summary>
    internal static class ReportText
    {
        /// <summary>Counts, times and durations that are always zero: no errors, and rules take no measurable time.</summary>
        public const string Zero = "0";

        /// <summary>The evidence, then the remedy, its command and the knowledge-base entries, one per line.</summary>
        public static string Details(ReadinessResult result)
        {
            var lines = new List<string> { result.Evidence };
            if (result.Remedy != null)
            {
                lines.Add("Remedy: " + result.Remedy);
            }

            if (result.RemedyCommand != null)
            {
                lines.Add("Command: " + result.RemedyCommand);
            }

            if (result.KnowledgeIds.Count > 0)
            {
                lines.Add("Knowledge base: " + string.Join(", ", result.KnowledgeIds));
            }

            return Xml(string.Join("\n", lines));
        }

        /// <summary>Drops characters XML 1.0 cannot hold (control characters in a service message would make the file unreadable).</summary>
        public static string Xml(string text)
        {
            if (text.All(XmlConvert.IsXmlChar))
            {
                return text;
            }

            var clean = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (XmlConvert.IsXmlChar(text[i]))
                {
                    clean.Append(text[i]);
                }
                else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                {
                    clean.Append(text[i]).Append(text[++i]);
                }
            }

            return clean.ToString();
        }

        public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>When the evidence behind a set of results was read: the earliest, or the Unix epoch for none.</summary>
        public static DateTimeOffset Timestamp(IEnumerable<ReadinessResult> results) =>
            results.Select(r => r.CollectedAt).DefaultIfEmpty(DateTimeOffset.FromUnixTimeSeconds(0)).Min();

        /// <summary>A name/value pair under a properties element, as both JUnit and NUnit write them.</summary>
        public static XElement Property(string name, string value) =>
            new("property", new XAttribute("name", name), new XAttribute("value", Xml(value)));

        public static void Save(XDocument document, TextWriter writer)
        {
            using var xml = XmlWriter.Create(writer, new XmlWriterSettings { Indent = true, CloseOutput = false });
            document.Save(xml);
        }
    }
}
