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

        /// <summary>This text followed by <paramref name="next"/>, language by language.</summary>
        public LocalizedText Append(LocalizedText next) =>
            new(English + next.English, SimplifiedChinese + next.SimplifiedChinese, TraditionalChinese + next.TraditionalChinese);

        /// <summary>The same text in every language: a fact such as a name or an id, or a message quoted from a service.</summary>
        public static LocalizedText Verbatim(string text) => new(text, text, text);

        public override string ToString() => English;
    }
}
