using System;
using System.Globalization;

namespace AzBackupTroubleshoot.Knowledge
{
    /// <summary>One piece of text in the three languages the module ships: English, Simplified and Traditional Chinese.</summary>
    public sealed class LocalizedText
    {
        public LocalizedText(string english, string simplifiedChinese, string traditionalChinese)
        {
            English = english ?? throw new ArgumentNullException(nameof(english));
            SimplifiedChinese = simplifiedChinese ?? throw new ArgumentNullException(nameof(simplifiedChinese));
            TraditionalChinese = traditionalChinese ?? throw new ArgumentNullException(nameof(traditionalChinese));
        }

        public string English { get; }
        public string SimplifiedChinese { get; }
        public string TraditionalChinese { get; }

        public string Get(CultureInfo culture) => Get(SupportedCultureResolver.From(culture));

        public string Get(SupportedCulture culture) => culture switch
        {
            SupportedCulture.SimplifiedChinese => SimplifiedChinese,
            SupportedCulture.TraditionalChinese => TraditionalChinese,
            _ => English,
        };

        public override string ToString() => English;
    }
}
