using System.Globalization;
using System.Linq;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Core.Tests.Knowledge
{
    public class KnowledgeResolutionTests
    {
        private static readonly KnowledgeBase Kb = InlineKnowledge.Sample;

        [Theory]
        [InlineData("UserErrorVmNotInDesirableState", "A3", MatchKind.TextCode)]
        [InlineData("usererrorvmnotindesirablestate", "A3", MatchKind.TextCode)]
        [InlineData("VmNotInDesirableState", "A3", MatchKind.TextCode)]
        [InlineData("320001", "A12", MatchKind.NumericCode)]
        [InlineData(" 400094 ", "A12", MatchKind.NumericCode)]
        [InlineData("0x29834", "F12", MatchKind.NumericCode)]
        [InlineData("170036", "F12", MatchKind.NumericCode)] // 0x29834 written in decimal
        public void Codes_resolve_in_any_spelling(string code, string id, MatchKind kind)
        {
            var match = Kb.Resolve(code, null);
            Assert.Equal(id, match?.Entry.Id);
            Assert.Equal(kind, match!.Kind);
            Assert.Equal(MatchConfidence.Certain, match.Confidence);
        }

        [Fact]
        public void An_unknown_numeric_code_falls_back_to_the_message_and_says_so()
        {
            var recognition = Kb.Recognize("999999", "Backup failed: the restore point collection max limit has been reached.", MatchContext.Unknown);
            Assert.Equal("B4", recognition.Match?.Entry.Id);
            Assert.Equal(MatchKind.Message, recognition.Match!.Kind);
            Assert.Equal("999999", recognition.UnknownCode);
        }

        [Fact]
        public void A_textual_code_inside_the_message_wins_over_wording()
        {
            var match = Kb.Resolve("400233", "UserErrorRpCollectionLimitReached - something happened");
            Assert.Equal("B4", match?.Entry.Id);
            Assert.Equal(MatchKind.CodeInMessage, match!.Kind);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("0")]
        public void A_message_only_failure_is_matched_by_wording(string? code)
        {
            var match = Kb.Resolve(code, "Cancellation is not supported for this job type.");
            Assert.Equal("D1", match?.Entry.Id);
            Assert.Equal(MatchConfidence.High, match!.Confidence);
        }

        [Fact]
        public void Unrelated_text_matches_nothing()
        {
            Assert.Null(Kb.Resolve(null, "The weather in Redmond is nice today."));
            Assert.Null(Kb.Resolve("12345", null));
        }

        [Fact]
        public void A_message_sharing_only_some_words_does_not_match()
        {
            // "VM" and "backups" alone are not the documented phrase.
            Assert.Null(Kb.Resolve(null, "VM backups are great"));
        }

        [Fact]
        public void Search_finds_text_in_every_language()
        {
            Assert.Equal(["A3"], Kb.Search("Transitional").Select(e => e.Id));
            Assert.Equal(["A3"], Kb.Search("過渡").Select(e => e.Id));
            Assert.Equal(["B4"], Kb.Search("net start VSS").Select(e => e.Id));
        }

        [Theory]
        [InlineData("zh-CN", SupportedCulture.SimplifiedChinese)]
        [InlineData("zh-SG", SupportedCulture.SimplifiedChinese)]
        [InlineData("zh-Hans", SupportedCulture.SimplifiedChinese)]
        [InlineData("zh-TW", SupportedCulture.TraditionalChinese)]
        [InlineData("zh-HK", SupportedCulture.TraditionalChinese)]
        [InlineData("zh-Hant", SupportedCulture.TraditionalChinese)]
        [InlineData("en-US", SupportedCulture.English)]
        [InlineData("de-DE", SupportedCulture.English)]
        public void Cultures_map_to_the_three_languages(string name, SupportedCulture expected)
        {
            Assert.Equal(expected, SupportedCultureResolver.From(CultureInfo.GetCultureInfo(name)));
            Assert.Equal(expected, SupportedCultureResolver.Parse(name));
        }

        [Fact]
        public void Invariant_culture_reads_english() =>
            Assert.Equal(SupportedCulture.English, SupportedCultureResolver.From(CultureInfo.InvariantCulture));

        [Fact]
        public void Entries_are_ordered_like_the_checklist() =>
            Assert.Equal(["A3", "A12", "B4", "D1", "F12"], Kb.Entries.Select(e => e.Id));
    }
}
