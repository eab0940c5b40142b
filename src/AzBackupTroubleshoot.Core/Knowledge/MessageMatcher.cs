using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>
    /// Finds the entry whose documented English message best matches a service message. The service rewords its
    /// messages between releases, so matching is by the share of a documented phrase's significant words that the
    /// message contains, not by exact text.
    /// </summary>
    internal sealed class MessageMatcher
    {
        /// <summary>Share of a phrase's words a message must contain to count as that phrase.</summary>
        internal const double Threshold = 0.75;

        private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
        {
            "a", "an", "the", "of", "to", "for", "is", "are", "was", "were", "be", "been", "in", "on", "at", "as",
            "by", "with", "from", "and", "or", "this", "that", "it", "its", "due", "because", "please", "your",
        };

        private readonly List<(KnowledgeEntry Entry, string[] Words)> _phrases;

        public MessageMatcher(IEnumerable<KnowledgeEntry> entries)
        {
            _phrases = entries
                .SelectMany(e => e.Messages.Select(m => (Entry: e, Words: Words(m).Distinct().ToArray())))
                .Where(p => p.Words.Length > 0)
                .ToList();
        }

        public (KnowledgeEntry Entry, double Score)? BestMatch(string message)
        {
            var words = new HashSet<string>(Words(message), StringComparer.Ordinal);
            if (words.Count == 0)
            {
                return null;
            }

            (KnowledgeEntry Entry, double Score, int Matched)? best = null;
            foreach (var (entry, phrase) in _phrases)
            {
                var matched = phrase.Count(words.Contains);
                var score = (double)matched / phrase.Length;
                if (score < Threshold)
                {
                    continue;
                }

                // Prefer the higher share; on a tie, the longer phrase says more.
                if (best == null || score > best.Value.Score || (score == best.Value.Score && matched > best.Value.Matched))
                {
                    best = (entry, score, matched);
                }
            }

            return best == null ? null : (best.Value.Entry, best.Value.Score);
        }

        internal static IEnumerable<string> Words(string text)
        {
            var word = new StringBuilder();
            foreach (var ch in text + " ")
            {
                if (char.IsLetterOrDigit(ch))
                {
                    word.Append(char.ToLowerInvariant(ch));
                    continue;
                }

                // Apostrophes inside words ("doesn't") stay part of the word.
                if (ch == '\'' || ch == '\u2019')
                {
                    continue;
                }

                if (word.Length > 0)
                {
                    var w = Stem(word.ToString());
                    word.Clear();
                    if (!StopWords.Contains(w))
                    {
                        yield return w;
                    }
                }
            }
        }

        // Enough stemming to make "snapshots" meet "snapshot" and "failed" meet "fails".
        private static string Stem(string word)
        {
            if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
            {
                return word.Substring(0, word.Length - 3);
            }

            if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
            {
                return word.Substring(0, word.Length - 2);
            }

            if (word.Length > 3 && word.EndsWith("s", StringComparison.Ordinal) && !word.EndsWith("ss", StringComparison.Ordinal))
            {
                return word.Substring(0, word.Length - 1);
            }

            return word;
        }
    }
}
