using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AzBackupTroubleshoot.Engine.Snapshot
{
    /// <summary>
    /// Goes over every string of a snapshot's JSON, whatever evidence part it belongs to: strips SAS query strings
    /// (anything with <c>sig=</c>) and, when redacting, replaces subscription ids and resource group, VM and vault
    /// names with stable placeholders (the same name gives the same placeholder everywhere in the file, inside ids
    /// and texts alike, and in names made from them such as the disks vm-web01_OsDisk_1 and vm-web01-data01). The
    /// backup service's own AzureBackupRG_* groups keep their names: they carry no customer name, and the rules
    /// recognise them by it.
    /// </summary>
    internal sealed class SnapshotScrubber
    {
        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
        private static readonly Regex SasQuery = new(@"\?[^\s""'<>]*?\bsig=[^\s""'<>]*", Options, Timeout);
        private static readonly Regex Subscription = new(@"/subscriptions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", Options, Timeout);
        private static readonly Regex ResourceGroup = new(@"/resourceGroups/([^/\s""';]+)", Options, Timeout);
        private static readonly Regex VirtualMachine = new(@"/virtualMachines/([^/\s""';]+)", Options, Timeout);
        private static readonly Regex Vault = new(@"/vaults/([^/\s""';]+)", Options, Timeout);

        private readonly Dictionary<string, string> _placeholders = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);
        private Regex? _names;

        /// <summary>Scrubs <paramref name="root"/> in place.</summary>
        public static void Scrub(JsonNode root, bool redact)
        {
            var scrubber = new SnapshotScrubber();
            var strings = Strings(root).ToList();
            foreach (var (_, _, text) in strings)
            {
                if (redact)
                {
                    scrubber.Learn(text);
                }
            }

            scrubber._names = scrubber._placeholders.Count == 0
                ? null
                : new Regex(
                    @"(?<![A-Za-z0-9])(?:" + string.Join("|", scrubber._placeholders.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")(?![A-Za-z0-9])",
                    Options,
                    Timeout);
            foreach (var (parent, key, text) in strings)
            {
                var scrubbed = scrubber.Replace(SasQuery.Replace(text, string.Empty));
                if (!string.Equals(scrubbed, text, StringComparison.Ordinal))
                {
                    Set(parent, key, scrubbed);
                }
            }
        }

        private void Learn(string text)
        {
            foreach (Match m in Subscription.Matches(text))
            {
                Name(m.Groups[1].Value, "subscription");
            }

            foreach (Match m in ResourceGroup.Matches(text))
            {
                if (!m.Groups[1].Value.StartsWith("AzureBackupRG_", StringComparison.OrdinalIgnoreCase))
                {
                    Name(m.Groups[1].Value, "rg");
                }
            }

            foreach (Match m in VirtualMachine.Matches(text))
            {
                Name(m.Groups[1].Value, "vm");
            }

            foreach (Match m in Vault.Matches(text))
            {
                Name(m.Groups[1].Value, "vault");
            }
        }

        private void Name(string original, string kind)
        {
            if (_placeholders.ContainsKey(original))
            {
                return;
            }

            _counters[kind] = _counters.TryGetValue(kind, out var n) ? n + 1 : 1;
            _placeholders[original] = kind == "subscription"
                ? $"00000000-0000-0000-0000-{_counters[kind]:D12}"
                : $"{kind}-{_counters[kind]:D3}";
        }

        private string Replace(string text) => _names == null ? text : _names.Replace(text, m => _placeholders[m.Value]);

        // Every string value with the node that holds it: (object, property name) or (array, index).
        private static IEnumerable<(JsonNode Parent, object Key, string Text)> Strings(JsonNode node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var property in obj.ToList())
                    {
                        if (property.Value is JsonValue value && value.TryGetValue<string>(out var text))
                        {
                            yield return (obj, property.Key, text);
                        }
                        else if (property.Value != null)
                        {
                            foreach (var inner in Strings(property.Value))
                            {
                                yield return inner;
                            }
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                        {
                            yield return (array, i, text);
                        }
                        else if (array[i] != null)
                        {
                            foreach (var inner in Strings(array[i]!))
                            {
                                yield return inner;
                            }
                        }
                    }

                    break;
            }
        }

        private static void Set(JsonNode parent, object key, string text)
        {
            if (parent is JsonObject obj)
            {
                obj[(string)key] = text;
            }
            else
            {
                ((JsonArray)parent)[(int)key] = text;
            }
        }
    }
}
