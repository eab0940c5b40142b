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

        /// <summary>How many candidates an unrecognised error names.</summary>
        public const int MaxCandidates = 3;

        /// <summary>The knowledge base embedded in the module.</summary>
        public static KnowledgeBase Default => Embedded.Value;

        public IReadOnlyList<KnowledgeEntry> Entries { get; }

        public KnowledgeEntry? Get(string id) => _byId.TryGetValue(id, out var entry) ? entry : null;

        public KnowledgeEntry? FindByCode(ErrorCode code) => _byCode.TryGetValue(code, out var entry) ? entry : null;

        /// <summary>
        /// Recognises an error from whatever the service gave — a textual or numeric code, a message, or both — for
        /// a job of the given kind. Every code and phrase found is rated (<see cref="MatchConfidence"/>); the best is
        /// trusted only at or above <see cref="ConfidenceThresholds.Diagnose"/>, and the others are named as candidates.
        /// </summary>
        public KnowledgeRecognition Recognize(string? code, string? message, MatchContext context)
        {
            var found = new List<KnowledgeMatch>();
            string? unknownCode = null;
            // Jobs without a code of their own carry errorCode 0.
            if (!string.IsNullOrWhiteSpace(code) && ErrorCode.Parse(code!).Number != 0)
            {
                var parsed = ErrorCode.Parse(code!);
                var entry = FindByCode(parsed);
                if (entry == null)
                {
                    unknownCode = parsed.Text;
                }
                else
                {
                    found.Add(Rate(entry, parsed.IsNumeric ? MatchKind.NumericCode : MatchKind.TextCode, 1, parsed.Text, context));
                }
            }

            if (!string.IsNullOrWhiteSpace(message))
            {
                foreach (Match word in CodeLikeWord.Matches(message!))
                {
                    if (FindByCode(ErrorCode.Parse(word.Value)) is { } entry)
                    {
                        found.Add(Rate(entry, MatchKind.CodeInMessage, 1, word.Value, context));
                    }
                }

                found.AddRange(_matcher.Matches(message!)
                    .OrderByDescending(p => p.MatchedWords) // of two phrases found alike, the longer says more
                    .Select(p => Rate(p.Entry, p.Complete ? MatchKind.Message : MatchKind.PartialMessage, p.Score, p.Phrase, context)));
            }

            // Most trusted first; then the more specific kind; then the larger share of a phrase.
            var ranked = found
                .OrderByDescending(m => m.Confidence)
                .ThenBy(m => m.Kind)
                .ThenByDescending(m => m.Score)
                .GroupBy(m => m.Entry)
                .Select(g => g.First())
                .ToList();
            var best = ranked.FirstOrDefault();
            return best != null && best.Confidence >= ConfidenceThresholds.Diagnose
                ? new KnowledgeRecognition(best, ranked.Skip(1).Take(MaxCandidates).ToList(), unknownCode)
                : new KnowledgeRecognition(null, ranked.Take(MaxCandidates).ToList(), unknownCode);
        }

        /// <summary>The trusted match of an error of a job of the given kind (any kind when not given), or null.</summary>
        public KnowledgeMatch? Resolve(string? code, string? message, MatchContext? context = null) =>
            Recognize(code, message, context ?? MatchContext.Unknown).Match;

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

        private static KnowledgeMatch Rate(KnowledgeEntry entry, MatchKind kind, double score, string matched, MatchContext context) =>
            new(entry, kind, score, matched, !context.Admits(entry) ? MatchConfidence.Contradicted : kind switch
            {
                MatchKind.Message => MatchConfidence.High,
                MatchKind.PartialMessage => MatchConfidence.Low,
                _ => MatchConfidence.Certain,
            });

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
