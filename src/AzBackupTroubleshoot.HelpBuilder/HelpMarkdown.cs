using System;
using System.Collections.Generic;
using System.Linq;

namespace AzBackupTroubleshoot.HelpBuilder
{
    /// <summary>
    /// Reads the help Markdown (the platyPS layout, without SYNTAX): "# Name", "## SECTION", "### item", paragraphs set
    /// apart by blank lines, and example code in ``` fences. Text is taken literally: MAML has no inline formatting.
    /// </summary>
    internal static class HelpMarkdown
    {
        private const string DefaultValuePrefix = "Default value: ";

        public static CommandHelp ReadCommand(string markdown)
        {
            var (name, sections) = Split(markdown);
            IReadOnlyList<string> Paragraphs(string section) => sections.TryGetValue(section, out var s) ? ParagraphsOf(s.Body) : [];
            IReadOnlyList<Item> Items(string section) => sections.TryGetValue(section, out var s) ? s.Items : [];

            return new CommandHelp(
                name,
                Paragraphs("SYNOPSIS"),
                Paragraphs("DESCRIPTION"),
                Items("EXAMPLES").Select(Example).ToList(),
                ReadParameters(Items("PARAMETERS")),
                Items("INPUTS").Select(i => new TypeHelp(i.Title, ParagraphsOf(i.Body))).ToList(),
                Items("OUTPUTS").Select(i => new TypeHelp(i.Title, ParagraphsOf(i.Body))).ToList(),
                Paragraphs("NOTES"),
                sections.TryGetValue("RELATED LINKS", out var links)
                    ? links.Body.Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l.Substring(2).Trim()).ToList()
                    : []);
        }

        /// <summary>The PARAMETERS of a file that holds only parameters, such as _common-parameters.md.</summary>
        public static IReadOnlyList<ParameterHelp> ReadParameters(string markdown) =>
            Split(markdown).Sections.TryGetValue("PARAMETERS", out var s) ? ReadParameters(s.Items) : [];

        private static List<ParameterHelp> ReadParameters(IReadOnlyList<Item> items) =>
            items.Select(i =>
            {
                var paragraphs = ParagraphsOf(i.Body);
                var defaultValue = paragraphs.LastOrDefault(p => p.StartsWith(DefaultValuePrefix, StringComparison.Ordinal));
                return new ParameterHelp(
                    i.Title.TrimStart('-'),
                    paragraphs.Where(p => !ReferenceEquals(p, defaultValue)).ToList(),
                    defaultValue?.Substring(DefaultValuePrefix.Length));
            }).ToList();

        private static HelpExample Example(Item item)
        {
            var open = item.Body.FindIndex(l => l.StartsWith("```", StringComparison.Ordinal));
            var close = open < 0 ? -1 : item.Body.FindIndex(open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            if (close < 0)
            {
                throw new FormatException($"Example '{item.Title}' has no ``` code block.");
            }

            return new HelpExample(
                item.Title,
                string.Join("\n", item.Body.Skip(open + 1).Take(close - open - 1)),
                ParagraphsOf(item.Body.Skip(close + 1).ToList()));
        }

        private static List<string> ParagraphsOf(IEnumerable<string> lines)
        {
            var paragraphs = new List<string>();
            var current = new List<string>();
            foreach (var line in lines.Append(string.Empty))
            {
                if (line.Trim().Length > 0)
                {
                    current.Add(line.Trim());
                }
                else if (current.Count > 0)
                {
                    paragraphs.Add(string.Join(" ", current));
                    current.Clear();
                }
            }

            return paragraphs;
        }

        private static (string Name, Dictionary<string, Section> Sections) Split(string markdown)
        {
            var name = string.Empty;
            var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
            Section? section = null;
            var inFence = false;
            foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }

                if (!inFence && line.StartsWith("# ", StringComparison.Ordinal))
                {
                    name = line.Substring(2).Trim();
                }
                else if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
                {
                    section = new Section();
                    sections[line.Substring(3).Trim()] = section;
                }
                else if (!inFence && line.StartsWith("### ", StringComparison.Ordinal) && section is not null)
                {
                    section.Items.Add(new Item(line.Substring(4).Trim(), []));
                }
                else if (section is not null)
                {
                    (section.Items.Count > 0 ? section.Items[^1].Body : section.Body).Add(line);
                }
            }

            return (name, sections);
        }

        private sealed class Section
        {
            public List<string> Body { get; } = [];

            public List<Item> Items { get; } = [];
        }

        private sealed record Item(string Title, List<string> Body);
    }
}
