using System;
using System.Text;

namespace AzBackupTroubleshoot.Scripting
{
    /// <summary>
    /// Writes a value as a PowerShell single-quoted string, the one way a name from a job export, a lock or ARM enters a
    /// command we print. PowerShell ends a single-quoted string on any of ' ‘ ’ ‚ ‛ (U+0027, U+2018–U+201B), so each of
    /// them is doubled, as PowerShell's own CodeGeneration.EscapeSingleQuotedStringContent does; nothing else is special
    /// inside single quotes, so $(), backticks and newlines stay literal text. NUL is refused: consoles and clipboards
    /// cut pasted text at it, which would leave the string open.
    /// </summary>
    public static class PowerShellString
    {
        /// <summary>Whether <paramref name="value"/> can be written as a single-quoted string (it holds no NUL).</summary>
        public static bool CanQuote(string value) => value.IndexOf('\0') < 0;

        /// <summary>The value between single quotes, every quote character in it doubled.</summary>
        /// <exception cref="ArgumentException">The value holds a NUL character.</exception>
        public static string Quote(string value)
        {
            if (!CanQuote(value))
            {
                throw new ArgumentException("A value with a NUL character cannot be written into a command.", nameof(value));
            }

            var quoted = new StringBuilder(value.Length + 2).Append('\'');
            foreach (var c in value)
            {
                quoted.Append(c);
                if (IsQuote(c))
                {
                    quoted.Append(c);
                }
            }

            return quoted.Append('\'').ToString();
        }

        private static bool IsQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';
    }
}
