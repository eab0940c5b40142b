using System.Collections.Generic;

namespace AzBackupTroubleshoot.Core.Tests.Scripting
{
    /// <summary>Names that would run code if a printed command did not quote them the way PowerShell reads quotes.</summary>
    internal static class HostileValues
    {
        /// <summary>Every character PowerShell ends a single-quoted string on.</summary>
        public static readonly char[] Quotes = ['\'', '\u2018', '\u2019', '\u201A', '\u201B'];

        /// <summary>Without a slash, so that each fits in a resource id segment.</summary>
        public static IEnumerable<string> All()
        {
            foreach (var q in Quotes)
            {
                yield return $"x{q} $(Invoke-Pwned) {q}";
                yield return $"{q}; Invoke-Pwned; {q}";
                yield return $"{q}{q}{q}";
            }

            yield return "$(Invoke-Pwned)";
            yield return "`$env:HOME `n";
            yield return "vm\n$(Invoke-Pwned)\r\n#";
            yield return "\u2019\nInvoke-Pwned\n\u2018";
        }

        public static TheoryData<string> Theory() => new(All());

        /// <summary>Every hostile value in every field.</summary>
        public static TheoryData<TField, string> InEach<TField>(params TField[] fields)
        {
            var data = new TheoryData<TField, string>();
            foreach (var field in fields)
            {
                foreach (var value in All())
                {
                    data.Add(field, value);
                }
            }

            return data;
        }
    }
}
