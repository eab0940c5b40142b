using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>Every documented error, with lookup by id, code, message, free text and category.</summary>
    public sealed class KnowledgeBase
    {
        private static readonly Lazy<KnowledgeBase> Embedded = new(LoadEmbedded);
        private static readonly Regex CodeLikeWord = new(@"\b[A-Za-z][A-Za-z0-9]{11,}\b", RegexOptions.CultureInvariant);

        private readonly Dictionary<string, KnowledgeEntry> _byId;
        private readonly Dictionary<ErrorCode, KnowledgeEntry> _byCode;
        private readonly MessageMatcher _matcher;

        public KnowledgeBase(IEnumerable<KnowledgeEntry> entries)
        {
            Entries = entries.OrderBy(e => e.Id, EntryIdComparer.Instance).ToList();
            _byId = new Dictionary<string, KnowledgeEntry>(StringComparer.OrdinalIgnoreCase);
            _byCode = new Dictionary<ErrorCode, KnowledgeEntry>();
            foreach (var entry in Entries)
            {
                if (_byId.ContainsKey(entry.Id))
                {
                    throw new KnowledgeBaseFormatException($"Entry id {entry.Id} is used twice.");
                }

                _byId.Add(entry.Id, entry);
                foreach (var code in entry.Codes)
                {
                    if (_byCode.TryGetValue(code, out var owner))
                    {
                        throw new KnowledgeBaseFormatException($"Code {code} is claimed by both {owner.Id} and {entry.Id}.");
                    }

                    _byCode.Add(code, entry);
                }
            }

            _matcher = new MessageMatcher(Entries);
        }

        /// <summary>The knowledge base embedded in the module.</summary>
        public static KnowledgeBase Default => Embedded.Value;

        public IReadOnlyList<KnowledgeEntry> Entries { get; }

        public KnowledgeEntry? Get(string id) => _byId.TryGetValue(id, out var entry) ? entry : null;

        public KnowledgeEntry? FindByCode(ErrorCode code) => _byCode.TryGetValue(code, out var entry) ? entry : null;

        /// <summary>
        /// Recognises an error from whatever the service gave: a textual or numeric code, a message, or both.
        /// Returns null when nothing matches.
        /// </summary>
        public KnowledgeMatch? Resolve(string? code, string? message)
        {
            string? note = null;
            // Jobs without a code of their own carry errorCode 0.
            if (!string.IsNullOrWhiteSpace(code) && ErrorCode.Parse(code!).Number != 0)
            {
                var parsed = ErrorCode.Parse(code!);
                var entry = FindByCode(parsed);
                if (entry != null)
                {
                    return new KnowledgeMatch(entry, parsed.IsNumeric ? MatchKind.NumericCode : MatchKind.TextCode, 1, null);
                }

                note = $"Code {parsed.Text} is not in the knowledge base; matched by the message instead.";
            }

            if (string.IsNullOrWhiteSpace(message))
            {
                return null;
            }

            foreach (Match word in CodeLikeWord.Matches(message!))
            {
                var entry = FindByCode(ErrorCode.Parse(word.Value));
                if (entry != null)
                {
                    return new KnowledgeMatch(entry, MatchKind.CodeInMessage, 1, note);
                }
            }

            var best = _matcher.BestMatch(message!);
            return best == null ? null : new KnowledgeMatch(best.Value.Entry, MatchKind.Message, best.Value.Score, note);
        }

        /// <summary>Entries whose id, codes, messages or text in any language contain every word of the query.</summary>
        public IEnumerable<KnowledgeEntry> Search(string query)
        {
            var terms = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return Entries.Where(e =>
            {
                var haystack = SearchText(e);
                return terms.All(t => haystack.IndexOf(t, StringComparison.OrdinalIgnoreCase) >= 0);
            });
        }

        private static string SearchText(KnowledgeEntry e) => string.Join(
            "\n",
            new[] { e.Id, e.Topic }
                .Concat(e.Codes.Select(c => c.Text))
                .Concat(e.Messages)
                .Concat(new[] { e.Title, e.Meaning }.Concat(e.Causes.Select(c => c.Text)).Concat(e.Remedies.Select(r => r.Text))
                    .SelectMany(t => new[] { t.English, t.SimplifiedChinese, t.TraditionalChinese }))
                .Concat(e.Remedies.SelectMany(r => r.Scripts.Select(s => s.Text))));

        private static KnowledgeBase LoadEmbedded()
        {
            var assembly = typeof(KnowledgeBase).Assembly;
            var entries = new List<KnowledgeEntry>();
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("AzBackupTroubleshoot.Knowledge.", StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                entries.AddRange(KnowledgeBaseReader.Read(reader, name));
            }

            return new KnowledgeBase(entries);
        }
    }
}
