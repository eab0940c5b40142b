using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>Orders entry ids as the checklist does: by section letter, then by number (A2 before A10).</summary>
    public sealed class EntryIdComparer : IComparer<string>
    {
        public static readonly EntryIdComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            if (x == null || y == null)
            {
                return string.CompareOrdinal(x, y);
            }

            var section = string.CompareOrdinal(Section(x), Section(y));
            return section != 0 ? section : Number(x).CompareTo(Number(y));
        }

        private static string Section(string id) => id.TrimEnd("0123456789".ToCharArray());

        private static int Number(string id) =>
            int.TryParse(id.Substring(Section(id).Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
    }
}
