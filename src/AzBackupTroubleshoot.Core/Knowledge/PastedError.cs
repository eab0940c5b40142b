using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>
    /// An error as a user pastes it: a bare code, a code with its label or markup around it (<c>Error code: X</c>,
    /// <c>'code': 'X',</c>, <c>Status=400 Code="X"</c>, <c>**X**</c>, <c>(ID: 34528)</c>), or a whole message with
    /// the codes somewhere inside.
    /// </summary>
    public sealed class PastedError
    {
        private const string CodeToken = @"0[xX][0-9A-Fa-f]+|-?\d+|[A-Za-z][A-Za-z0-9_]*";

        // A code after its label: "Error code: X", "'code': 'X'", "Code=\"X\"", "\"errorCode\": 400094", "(ID: 34528)".
        private static readonly Regex Labelled = new(
            @"(?:\b(?:error\s*)?code|\bID)['""]?\s*[:=]\s*['""]?(?<code>" + CodeToken + ")",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // Markdown emphasis or code spans around a code: **X**, __X__, `X`.
        private static readonly Regex Marked = new(
            @"(?:\*\*|__|`)(?<code>" + CodeToken + @")(?:\*\*|__|`)", RegexOptions.CultureInvariant);

        // Textual codes are one long word with capitals inside (UserErrorVmNotInDesirableState, BCMV2VMNotFound); hexadecimal ones start with 0x.
        private static readonly Regex InText = new(
            @"\b(?<code>[A-Za-z][a-z0-9]*[A-Z][A-Za-z0-9]{6,}|0[xX][0-9A-Fa-f]{4,})\b", RegexOptions.CultureInvariant);

        private static readonly char[] Wrapping = ['\'', '"', '*', '`', '_', ',', ';', '.', ':', '(', ')', '[', ']', '{', '}', ' ', '\t', '\r', '\n'];

        private PastedError(string text, IReadOnlyList<string> codes)
        {
            Text = text;
            Codes = codes;
        }

        /// <summary>The text as pasted, trimmed.</summary>
        public string Text { get; }

        /// <summary>Every code found, in the order it appears, each once.</summary>
        public IReadOnlyList<string> Codes { get; }

        public static PastedError Parse(string text)
        {
            var trimmed = (text ?? throw new ArgumentNullException(nameof(text))).Trim();
            var bare = trimmed.Trim(Wrapping);
            if (bare.Length > 0 && Regex.IsMatch(bare, "^(?:" + CodeToken + ")$", RegexOptions.CultureInvariant))
            {
                return new PastedError(trimmed, [bare]);
            }

            var codes = new[] { Labelled, Marked, InText }
                .SelectMany(r => r.Matches(trimmed).Cast<Match>())
                .Select(m => m.Groups["code"])
                .OrderBy(g => g.Index)
                .Select(g => g.Value)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            return new PastedError(trimmed, codes);
        }
    }
}
