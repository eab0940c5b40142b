using System.Linq;
using System.Management.Automation;

namespace AzBackupTroubleshoot.Module.Tests.Cmdlets
{
    [Collection(ModuleCollection.Name)]
    public sealed class KnownIssueTests
    {
        private readonly ModuleSession _session;

        public KnownIssueTests(ModuleSession session)
        {
            _session = session;
        }

        [Theory]
        [InlineData("320001", "A12")]
        [InlineData("resourcenotfound", "A12")]
        [InlineData("UserErrorRpCollectionLimitReached", "B4")]
        [InlineData("0x29834", "F12")]
        [InlineData("170036", "F12")]
        public void Code_finds_the_entry_whatever_its_spelling(string code, string id)
        {
            var result = _session.Run($"Get-AzBackupKnownIssue -Code '{code}' -Culture en-US");

            Assert.Empty(result.Errors);
            var issue = Assert.Single(result.Output);
            Assert.Equal(id, issue.Properties["Id"].Value);
            Assert.Equal("AzBackupTroubleshoot.Output.KnownIssue", issue.BaseObject.GetType().FullName);
        }

        [Fact]
        public void An_invalid_id_pattern_is_an_error_of_its_own_and_the_other_ids_are_answered()
        {
            var result = _session.Run("Get-AzBackupKnownIssue -Id A1, '[', B4 -Culture en-US");

            Assert.Equal(["A1", "B4"], result.Output.Select(o => (string)o.Properties["Id"].Value));
            var error = Assert.Single(result.Errors);
            Assert.Equal("KnownIssueInvalidPattern,AzBackupTroubleshoot.Commands.GetAzBackupKnownIssueCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Equal("[", error.TargetObject);
        }

        [Fact]
        public void A_known_issue_carries_its_text_remedies_in_order_and_culture()
        {
            dynamic issue = _session.Run("Get-AzBackupKnownIssue -Code 320001 -Culture en-US").Output.Single();

            Assert.False(string.IsNullOrWhiteSpace((string)issue.Title));
            Assert.False(string.IsNullOrWhiteSpace((string)issue.Meaning));
            Assert.Contains("320001", ((System.Collections.Generic.IEnumerable<string>)issue.Codes).ToList());
            var steps = ((System.Collections.IEnumerable)issue.Remedies).Cast<object>().Select(r => (int)((dynamic)r).Step).ToList();
            Assert.Equal(Enumerable.Range(1, steps.Count), steps);
            Assert.Equal("en-US", (string)issue.Culture);
            Assert.Equal("VmBackup", issue.Category.ToString());
            Assert.StartsWith("backup-azure-vms-troubleshoot#", (string)issue.Topic);
        }

        [Fact]
        public void Codes_from_the_pipeline_are_answered_and_an_unknown_one_is_a_non_terminating_error()
        {
            var result = _session.Run("'320001', 'NoSuchCode', 'UserErrorRpCollectionLimitReached' | Get-AzBackupKnownIssue");

            Assert.Equal(["A12", "B4"], result.Strings("Id"));
            var error = Assert.Single(result.Errors);
            Assert.Equal("KnownIssueNotFound,AzBackupTroubleshoot.Commands.GetAzBackupKnownIssueCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("NoSuchCode", error.TargetObject);
            Assert.Contains("NoSuchCode", error.Exception.Message);
        }

        [Fact]
        public void Id_is_exact_or_a_wildcard_and_an_unknown_id_is_an_error()
        {
            Assert.Equal(["B4"], _session.Run("Get-AzBackupKnownIssue b4").Strings("Id"));

            var wildcard = _session.Run("Get-AzBackupKnownIssue -Id 'A1*'");
            Assert.Empty(wildcard.Errors);
            Assert.Contains("A12", wildcard.Strings("Id"));
            Assert.All(wildcard.Strings("Id"), id => Assert.StartsWith("A1", id));

            var missing = _session.Run("Get-AzBackupKnownIssue -Id Z99");
            Assert.Empty(missing.Output);
            Assert.Equal("KnownIssueNotFound,AzBackupTroubleshoot.Commands.GetAzBackupKnownIssueCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Without_parameters_every_entry_is_listed_in_checklist_order()
        {
            var ids = _session.Run("Get-AzBackupKnownIssue").Strings("Id").ToList();

            Assert.Contains("A12", ids);
            Assert.Contains("B4", ids);
            Assert.Equal(ids.Distinct().Count(), ids.Count);
            Assert.True(ids.IndexOf("A12") < ids.IndexOf("B4"));
        }

        [Fact]
        public void Search_needs_every_word_and_Category_filters()
        {
            var search = _session.Run("Get-AzBackupKnownIssue -Search 'restore point collection'");
            Assert.Contains("B4", search.Strings("Id"));
            Assert.DoesNotContain("A12", search.Strings("Id"));

            var category = _session.Run("Get-AzBackupKnownIssue -Category BackupServer");
            Assert.NotEmpty(category.Output);
            Assert.All(category.Output, o => Assert.Equal("BackupServer", o.Properties["Category"].Value.ToString()));

            Assert.Empty(_session.Run("Get-AzBackupKnownIssue -Search 'restore point collection' -Category BackupServer").Output);
        }

        [Theory]
        [InlineData("zh-CN")]
        [InlineData("zh-TW")]
        public void Culture_gives_chinese_text(string culture)
        {
            dynamic english = _session.Run("Get-AzBackupKnownIssue -Code 320001 -Culture en-US").Output.Single();
            dynamic chinese = _session.Run($"Get-AzBackupKnownIssue -Code 320001 -Culture {culture}").Output.Single();

            Assert.Equal(culture, (string)chinese.Culture);
            Assert.True(Text.HasHan((string)chinese.Title), (string)chinese.Title);
            Assert.True(Text.HasHan((string)chinese.Meaning));
            Assert.False(Text.HasHan((string)english.Title));
            Assert.NotEqual((string)english.Title, (string)chinese.Title);
        }

        [Fact]
        public void Simplified_and_traditional_differ()
        {
            var titles = _session.Run("'zh-CN', 'zh-TW' | ForEach-Object { (Get-AzBackupKnownIssue -Id A12 -Culture $_).Meaning }").Output.Select(o => (string)o.BaseObject).ToList();

            Assert.Equal(2, titles.Count);
            Assert.NotEqual(titles[0], titles[1]);
        }

        [Fact]
        public void A_diagnosis_piped_in_shows_its_knowledge_base_entry()
        {
            var result = _session.Run("Get-AzBackupFailureDiagnosis -ErrorCode UserErrorRpCollectionLimitReached | Get-AzBackupKnownIssue");

            Assert.Empty(result.Errors);
            Assert.Equal(["B4"], result.Strings("Id"));
        }
    }
}
