using System.Collections.Generic;
using System.Text;

namespace AzBackupTroubleshoot.Core.Tests.Scripting
{
    /// <summary>
    /// Reads a command the way PowerShell's tokenizer reads single-quoted strings: any of ' ‘ ’ ‚ ‛ opens one, two of
    /// them in a row stand for the second, and one alone closes it. (The real parser checks the same in Module.Tests.)
    /// </summary>
    internal static class SingleQuotedReading
    {
        public const char Literal = '\u0001';

        /// <summary>The command's code with each string replaced by <see cref="Literal"/>, and the strings' values in order.</summary>
        public static (string Code, List<string> Values) Read(string command)
        {
            var code = new StringBuilder();
            var values = new List<string>();
            for (var i = 0; i < command.Length; i++)
            {
                if (!IsQuote(command[i]))
                {
                    code.Append(command[i]);
                    continue;
                }

                var value = new StringBuilder();
                for (i++; ; i++)
                {
                    Assert.True(i < command.Length, $"The string is never closed: {command}");
                    if (IsQuote(command[i]))
                    {
                        if (i + 1 >= command.Length || !IsQuote(command[i + 1]))
                        {
                            break;
                        }

                        i++;
                    }

                    value.Append(command[i]);
                }

                code.Append(Literal);
                values.Add(value.ToString());
            }

            return (code.ToString(), values);
        }

        private static bool IsQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';
    }
}
