using System.Collections.Generic;

namespace AzBackupTroubleshoot.Engine.Rest
{
    /// <summary>Query strings for <see cref="ArmRestClient"/>: api-version first, then any others.</summary>
    internal static class Query
    {
        public static IReadOnlyList<KeyValuePair<string, string>> ApiVersion(string apiVersion, params (string Name, string? Value)[] others)
        {
            var query = new List<KeyValuePair<string, string>> { new("api-version", apiVersion) };
            foreach (var (name, value) in others)
            {
                if (value != null)
                {
                    query.Add(new KeyValuePair<string, string>(name, value));
                }
            }

            return query;
        }
    }
}
