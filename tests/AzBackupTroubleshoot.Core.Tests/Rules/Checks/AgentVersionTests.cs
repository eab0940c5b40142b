using System;
using AzBackupTroubleshoot.Rules.Checks;

namespace AzBackupTroubleshoot.Core.Tests.Rules.Checks
{
    public class AgentVersionTests
    {
        [Theory]
        [InlineData("2.7.41491.1010", "2.7.41491.1010")]
        [InlineData("2.2.45", "2.2.45.0")]
        [InlineData("2", "2.0.0.0")]
        [InlineData(" 2.2.45-0ubuntu1", "2.2.45.0")]
        public void Reads_up_to_four_numbers_and_pads_the_rest_with_zero(string text, string expected)
        {
            Assert.True(AgentVersion.TryParse(text, out var version));
            Assert.Equal(Version.Parse(expected), version);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("Unknown")]
        [InlineData("2.99999999999")]
        public void Refuses_what_is_not_a_version(string? text)
        {
            Assert.False(AgentVersion.TryParse(text, out _));
        }
    }
}
