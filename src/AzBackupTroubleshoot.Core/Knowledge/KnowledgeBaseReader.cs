using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>Reads knowledge-base XML (format: docs/knowledge-base.md) and fails loudly on anything malformed.</summary>
    public static class KnowledgeBaseReader
    {
        private static readonly string[] Languages = ["en", "zh-CN", "zh-TW"];

        public static IReadOnlyList<KnowledgeEntry> Read(TextReader reader, string sourceName)
        {
            XDocument document;
            try
            {
                document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            }
            catch (XmlException ex)
            {
                throw new KnowledgeBaseFormatException($"{sourceName}: {ex.Message}", ex);
            }

            var root = document.Root;
            if (root == null || root.Name.LocalName != "knowledgeBase")
            {
                throw new KnowledgeBaseFormatException($"{sourceName}: the root element must be <knowledgeBase>.");
            }

            return root.Elements("entry").Select(e => ReadEntry(e, sourceName)).ToList();
        }

        private static KnowledgeEntry ReadEntry(XElement e, string source)
        {
            var id = Required(e, "id", source);
            var where = $"{source}, entry {id}";
            return new KnowledgeEntry(
                id,
                ParseEnum<KnowledgeCategory>(Required(e, "category", where), where),
                ParseFlags<EvidenceClass>(Required(e, "evidence", where), where),
                ParseFlags<Applicability>(Required(e, "appliesTo", where), where),
                (string?)e.Attribute("topic") ?? string.Empty,
                e.Elements("code").Select(c => ErrorCode.Parse(c.Value)).ToList(),
                e.Elements("message").Select(m => m.Value.Trim()).Where(m => m.Length > 0).ToList(),
                Text(e.Element("title"), $"{where}, <title>"),
                Text(e.Element("meaning"), $"{where}, <meaning>"),
                e.Elements("cause").Select((c, i) => new KnowledgeCause(
                    (string?)c.Attribute("id") ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Text(c, $"{where}, cause {i + 1}"),
                    SplitList((string?)c.Attribute("checks")))).ToList(),
                e.Elements("remedy").Select((r, i) => new KnowledgeRemedy(
                    Text(r, $"{where}, remedy {i + 1}"),
                    NullIfEmpty((string?)r.Attribute("command")),
                    NullIfEmpty((string?)r.Attribute("see")),
                    r.Elements("script").Select(s => new RemedyScript((string?)s.Attribute("shell") ?? "cmd", s.Value.Trim())).ToList(),
                    Flag(r, "destructive", $"{where}, remedy {i + 1}"))).ToList(),
                SplitList((string?)e.Element("related")));
        }

        private static LocalizedText Text(XElement? element, string where)
        {
            if (element == null)
            {
                throw new KnowledgeBaseFormatException($"{where} is missing.");
            }

            var texts = Languages.Select(lang =>
            {
                var value = Normalize(element.Element(lang)?.Value);
                if (value.Length == 0)
                {
                    throw new KnowledgeBaseFormatException($"{where} has no <{lang}> text.");
                }

                return value;
            }).ToArray();
            return new LocalizedText(texts[0], texts[1], texts[2]);
        }

        // Authors wrap long text over several lines; output wants it as one paragraph.
        private static string Normalize(string? text) =>
            text == null ? string.Empty : string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        private static bool Flag(XElement e, string attribute, string where) => (string?)e.Attribute(attribute) switch
        {
            null or "false" => false,
            "true" => true,
            var value => throw new KnowledgeBaseFormatException($"{where}: {attribute}='{value}' must be true or false."),
        };

        private static string Required(XElement e, string attribute, string where) =>
            NullIfEmpty((string?)e.Attribute(attribute))
            ?? throw new KnowledgeBaseFormatException($"{where}: attribute '{attribute}' is missing.");

        private static TEnum ParseEnum<TEnum>(string value, string where)
            where TEnum : struct =>
            Enum.TryParse<TEnum>(value, ignoreCase: false, out var result)
                ? result
                : throw new KnowledgeBaseFormatException($"{where}: '{value}' is not a {typeof(TEnum).Name}.");

        private static TEnum ParseFlags<TEnum>(string value, string where)
            where TEnum : struct, Enum
        {
            var bits = SplitList(value).Aggregate(0, (acc, word) => acc | Convert.ToInt32(ParseEnum<TEnum>(word, where), System.Globalization.CultureInfo.InvariantCulture));
            return (TEnum)Enum.ToObject(typeof(TEnum), bits);
        }

        private static IReadOnlyList<string> SplitList(string? value) =>
            value == null ? [] : value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);

        private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
