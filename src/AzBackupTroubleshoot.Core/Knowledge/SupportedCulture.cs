using System;
using System.Globalization;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>The languages of the knowledge base. Any other culture falls back to English.</summary>
    public enum SupportedCulture
    {
        English,
        SimplifiedChinese,
        TraditionalChinese,
    }

    public static class SupportedCultureExtensions
    {
        /// <summary>The culture name used in output objects and help folders.</summary>
        public static string ToCultureName(this SupportedCulture culture) => culture switch
        {
            SupportedCulture.SimplifiedChinese => "zh-CN",
            SupportedCulture.TraditionalChinese => "zh-TW",
            _ => "en-US",
        };
    }

    public static class SupportedCultureResolver
    {
        /// <summary>
        /// Maps a .NET culture to a knowledge-base language. zh-CN, zh-SG and zh-Hans read Simplified Chinese;
        /// zh-TW, zh-HK, zh-MO and zh-Hant read Traditional Chinese; everything else reads English.
        /// </summary>
        public static SupportedCulture From(CultureInfo? culture)
        {
            for (var c = culture; c != null && !string.IsNullOrEmpty(c.Name); c = c.Parent)
            {
                switch (c.Name.ToUpperInvariant())
                {
                    case "ZH-CN": case "ZH-SG": case "ZH-HANS": case "ZH-CHS": return SupportedCulture.SimplifiedChinese;
                    case "ZH-TW": case "ZH-HK": case "ZH-MO": case "ZH-HANT": case "ZH-CHT": return SupportedCulture.TraditionalChinese;
                    case "ZH": return SupportedCulture.SimplifiedChinese;
                }
            }

            return SupportedCulture.English;
        }

        /// <summary>Parses a culture name given by the user (e.g. <c>-Culture zh-TW</c>).</summary>
        public static SupportedCulture Parse(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return SupportedCulture.English;
            }

            try
            {
                return From(CultureInfo.GetCultureInfo(name));
            }
            catch (CultureNotFoundException)
            {
                throw new ArgumentException($"'{name}' is not a culture name. Use en-US, zh-CN or zh-TW.", nameof(name));
            }
        }
    }
}
