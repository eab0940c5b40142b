using System.Linq;

namespace AzBackupTroubleshoot.Module.Tests.Cmdlets
{
    [Collection(ModuleCollection.Name)]
    public sealed class CompletionTests
    {
        private readonly ModuleSession _session;

        public CompletionTests(ModuleSession session)
        {
            _session = session;
        }

        [Theory]
        [InlineData("Get-AzBackupKnownIssue -Code UserErrorRp", "UserErrorRpCollectionLimitReached")]
        [InlineData("Get-AzBackupKnownIssue -Code 3200", "320001")]
        [InlineData("Get-AzBackupKnownIssue -Id b", "B4")]
        [InlineData("Get-AzBackupKnownIssue -Category Back", "BackupServer")]
        [InlineData("Get-AzBackupKnownIssue -Culture zh-", "zh-TW")]
        [InlineData("Get-AzBackupFailureDiagnosis -ErrorCode UserErrorRp", "UserErrorRpCollectionLimitReached")]
        public void Tab_completes_values(string input, string expected)
        {
            var completions = Complete(input);

            Assert.Contains(expected, completions);
        }

        [Fact]
        public void Completion_offers_only_what_starts_with_the_typed_text()
        {
            var completions = Complete("Get-AzBackupKnownIssue -Id B");

            Assert.NotEmpty(completions);
            Assert.All(completions, c => Assert.StartsWith("B", c));
        }

        private string[] Complete(string input) =>
            _session.Run($"(TabExpansion2 -inputScript '{input}' -cursorColumn {input.Length}).CompletionMatches | ForEach-Object CompletionText")
                .Output.Select(o => (string)o.BaseObject).ToArray();
    }
}
