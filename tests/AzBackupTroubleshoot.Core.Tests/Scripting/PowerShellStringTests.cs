using System;
using AzBackupTroubleshoot.Scripting;

namespace AzBackupTroubleshoot.Core.Tests.Scripting
{
    public class PowerShellStringTests
    {
        [Theory]
        [InlineData('\'')]
        [InlineData('\u2018')]
        [InlineData('\u2019')]
        [InlineData('\u201A')]
        [InlineData('\u201B')]
        public void Every_quote_character_is_doubled(char quote) =>
            Assert.Equal($"'a{quote}{quote}b'", PowerShellString.Quote($"a{quote}b"));

        [Fact]
        public void Nothing_else_is_touched() =>
            Assert.Equal("'$(x) `n \" \u201C\u201D\r\n\u2028'", PowerShellString.Quote("$(x) `n \" \u201C\u201D\r\n\u2028"));

        [Theory]
        [MemberData(nameof(HostileValues.Theory), MemberType = typeof(HostileValues))]
        public void A_quoted_value_reads_back_as_one_string_equal_to_it(string value)
        {
            var (code, values) = SingleQuotedReading.Read(PowerShellString.Quote(value));

            Assert.Equal(SingleQuotedReading.Literal.ToString(), code);
            Assert.Equal([value], values);
        }

        [Fact]
        public void A_value_with_a_NUL_is_refused()
        {
            Assert.False(PowerShellString.CanQuote("vm\0$(x)"));
            Assert.True(PowerShellString.CanQuote("vm\n$(x)"));
            Assert.Throws<ArgumentException>(() => PowerShellString.Quote("vm\0"));
        }
    }
}
