using System;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>Builds the link to an entry's documentation section in the reader's language.</summary>
    internal static class DocumentationLink
    {
        public static Uri? For(string topic, SupportedCulture culture)
        {
            if (string.IsNullOrEmpty(topic))
            {
                return null;
            }

            var locale = culture.ToCultureName().ToLowerInvariant();
            return new Uri($"https://learn.microsoft.com/{locale}/azure/backup/{topic}");
        }
    }
}
