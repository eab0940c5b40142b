using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// Reads an agent version numerically (2.7.41491.1010 is newer than 2.7.41491.949). Missing parts count as 0;
    /// anything after the numbers (a distribution suffix) is ignored.
    /// </summary>
    internal static class AgentVersion
    {
        private static readonly Regex Leading = new(@"^\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?", RegexOptions.CultureInvariant);

        public static bool TryParse(string? text, out Version version)
        {
            version = new Version(0, 0, 0, 0);
            var match = text == null ? null : Leading.Match(text);
            if (match == null || !match.Success)
            {
                return false;
            }

            var parts = new int[4];
            for (var i = 0; i < parts.Length; i++)
            {
                var group = match.Groups[i + 1];
                if (group.Success && !int.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
                {
                    return false;
                }
            }

            version = new Version(parts[0], parts[1], parts[2], parts[3]);
            return true;
        }
    }
}
