using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>
    /// Finds the entries whose documented English messages a service message holds. The service rewords its
    /// messages between releases, so a phrase is found by the share of its significant words the message contains,
    /// not by exact text; how much that share is worth is the resolver's call (see <see cref="MatchConfidence"/>).
    /// </summary>
    internal sealed class MessageMatcher
    {
        /// <summary>One documented phrase found in a message.</summary>
        internal readonly record struct PhraseMatch(KnowledgeEntry Entry, string Phrase, double Score, int MatchedWords, bool Complete);

        /// <summary>Share of a phrase's words a message must contain to count as that phrase.</summary>
        internal const double Threshold = 0.75;

        private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
        {
            "a", "an", "the", "of", "to", "for", "is", "are", "was", "were", "be", "been", "in", "on", "at", "as",
            "by", "with", "from", "and", "or", "this", "that", "it", "its", "due", "because", "please", "your",
        };

        private readonly List<(KnowledgeEntry Entry, string Phrase, string[] Words)> _phrases;

        public MessageMatcher(IEnumerable<KnowledgeEntry> entries)
        {
            _phrases = entries
                .SelectMany(e => e.Messages.Select(m => (Entry: e, Phrase: m, Words: Words(m).Distinct().ToArray())))
                .Where(p => p.Words.Length > 0)
                .ToList();
        }

        /// <summary>
        /// Every documented phrase the message holds at least <see cref="Threshold"/> of. A phrase whose every word
        /// is in the message, in the phrase's order, is complete: the documented message itself, perhaps with words
        /// around it. Anything less is a reworded or generic phrase that only resembles it.
        /// </summary>
        public IEnumerable<PhraseMatch> Matches(string message)
        {
            var sequence = Words(message).ToList();
            var words = new HashSet<string>(sequence, StringComparer.Ordinal);
            if (words.Count == 0)
            {
                yield break;
            }

            foreach (var (entry, phrase, phraseWords) in _phrases)
            {
                var matched = phraseWords.Count(words.Contains);
                var score = (double)matched / phraseWords.Length;
                if (score >= Threshold)
                {
                    yield return new PhraseMatch(entry, phrase, score, matched, matched == phraseWords.Length && InOrder(phraseWords, sequence));
                }
            }
        }

        private static bool InOrder(string[] phrase, List<string> message)
        {
            var next = 0;
            foreach (var word in message)
            {
                if (next < phrase.Length && word == phrase[next])
                {
                    next++;
                }
            }

            return next == phrase.Length;
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
