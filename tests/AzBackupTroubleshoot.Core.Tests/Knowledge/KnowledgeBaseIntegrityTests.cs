using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;

namespace AzBackupTroubleshoot.Core.Tests.Knowledge
{
    /// <summary>The shipped knowledge base holds every checklist row, complete, in three languages.</summary>
    public class KnowledgeBaseIntegrityTests
    {
        // The rows of ../shared/kb/ERROR-CODES.md (A-F), then G: errors documented after the seeds.
        public static IEnumerable<object[]> ChecklistIds() =>
            Range("A", 0, 22).Concat(Range("B", 1, 12)).Concat(Range("C", 1, 18))
                .Concat(Range("D", 1, 4)).Concat(Range("E", 1, 12)).Concat(Range("F", 0, 19))
                .Concat(Range("G", 1, 19))
                .Select(id => new object[] { id });

        private static IEnumerable<string> Range(string section, int from, int to) =>
            Enumerable.Range(from, to - from + 1).Select(n => section + n);

        private static KnowledgeBase Kb => KnowledgeBase.Default;

        [Theory]
        [MemberData(nameof(ChecklistIds))]
        public void Every_checklist_row_is_an_entry(string id) => Assert.NotNull(Kb.Get(id));

        [Fact]
        public void There_are_no_entries_beyond_the_checklist()
        {
            var expected = ChecklistIds().Select(r => (string)r[0]).ToHashSet();
            Assert.DoesNotContain(Kb.Entries, e => !expected.Contains(e.Id));
        }

        [Fact]
        public void Every_code_resolves_to_exactly_its_own_entry()
        {
            foreach (var entry in Kb.Entries)
            {
                foreach (var code in entry.Codes)
                {
                    Assert.Same(entry, Kb.FindByCode(code));
                    Assert.Same(entry, Kb.FindByCode(ErrorCode.Parse(code.Text.ToLowerInvariant())));
                }
            }
        }

        [Fact]
        public void Every_text_is_present_in_all_three_languages()
        {
            foreach (var entry in Kb.Entries)
            {
                var texts = new[] { entry.Title, entry.Meaning }
                    .Concat(entry.Causes.Select(c => c.Text))
                    .Concat(entry.Remedies.Select(r => r.Text));
                foreach (var text in texts)
                {
                    Assert.False(string.IsNullOrWhiteSpace(text.English), entry.Id);
                    Assert.False(string.IsNullOrWhiteSpace(text.SimplifiedChinese), entry.Id);
                    Assert.False(string.IsNullOrWhiteSpace(text.TraditionalChinese), entry.Id);
                    Assert.True(ContainsHan(text.SimplifiedChinese), $"{entry.Id}: zh-CN text has no Chinese: {text.SimplifiedChinese}");
                    Assert.True(ContainsHan(text.TraditionalChinese), $"{entry.Id}: zh-TW text has no Chinese: {text.TraditionalChinese}");
                }
            }
        }

        [Fact]
        public void Every_entry_can_be_recognised_and_fixed()
        {
            foreach (var entry in Kb.Entries)
            {
                Assert.True(entry.Codes.Count + entry.Messages.Count > 0, $"{entry.Id} has neither a code nor a message.");
                Assert.NotEmpty(entry.Remedies);
                Assert.Contains('#', entry.Topic);
            }
        }

        [Fact]
        public void Every_entry_is_found_by_its_own_messages()
        {
            foreach (var entry in Kb.Entries)
            {
                foreach (var message in entry.Messages)
                {
                    var match = Kb.Resolve(null, message);
                    Assert.True(match != null, $"{entry.Id}: '{message}' matches nothing.");
                    Assert.True(match!.Entry == entry, $"{entry.Id}: '{message}' matches {match.Entry.Id}.");
                }
            }
        }

        [Fact]
        public void Every_step_whose_command_stops_or_deletes_something_is_marked_destructive()
        {
            // Stop-, Remove-, Disable-, Unregister-, Clear- (deletes restore points and locks), Restart- (stops the VM),
            // Repair-AzVmBackupExtension (uninstalls the extension), and anything that deletes or uninstalls.
            var stopsOrDeletes = new Regex(@"\b(Stop|Remove|Disable|Unregister|Clear|Restart|Uninstall)-|Repair-AzVmBackupExtension|\bdelete|-RemoveLock", RegexOptions.IgnoreCase);
            var steps = Kb.Entries.SelectMany(e => e.Remedies.Where(r => r.CommandTemplate != null).Select(r => (e.Id, Step: r))).ToList();

            Assert.All(
                steps.Where(s => stopsOrDeletes.IsMatch(s.Step.CommandTemplate!)),
                s => Assert.True(s.Step.Destructive, $"{s.Id}: '{s.Step.CommandTemplate}' is not marked destructive."));
            Assert.All(
                steps.Where(s => s.Step.Destructive),
                s => Assert.Matches(stopsOrDeletes, s.Step.CommandTemplate!));
            Assert.Contains(steps, s => s.Id == "A12" && s.Step.Destructive);
        }

        [Fact]
        public void References_point_at_existing_entries_and_rules()
        {
            var ruleIds = RuleCatalog.Default.Rules.Select(r => r.Id).ToHashSet();
            foreach (var entry in Kb.Entries)
            {
                Assert.All(entry.Related, id => Assert.True(Kb.Get(id) != null, $"{entry.Id} relates to unknown {id}"));
                Assert.All(entry.Remedies.Where(r => r.SeeAlso != null), r => Assert.True(Kb.Get(r.SeeAlso!) != null, $"{entry.Id} refers to unknown {r.SeeAlso}"));
                Assert.All(entry.Causes.SelectMany(c => c.Checks), id => Assert.True(ruleIds.Contains(id), $"{entry.Id} checks unknown rule {id}"));
            }
        }

        [Fact]
        public void Every_rule_guards_existing_entries()
        {
            foreach (var rule in RuleCatalog.Default.Rules)
            {
                Assert.All(rule.Guards, id => Assert.True(Kb.Get(id) != null, $"{rule.Id} guards unknown entry {id}"));
            }
        }

        [Theory]
        [InlineData("320001", "A12")]
        [InlineData("400094", "A12")]
        [InlineData("380008", "A14")]
        [InlineData("100110", "F4")]
        [InlineData("100050", "F9")]
        [InlineData("4024", "F10")]
        [InlineData("120002", "F14")]
        [InlineData("2013", "F15")]
        [InlineData("33621", "F5")]
        [InlineData("0x29834", "F12")]
        [InlineData("usererrorguestagentstatusunavailable", "B1")]
        [InlineData("UserErrorKeyvaultPermissionsNotConfigured", "B5")]
        [InlineData("UserErrorKeyvaultPermissionNotConfigured", "B5")]
        [InlineData("UserErrorRpCollectionLimitReached", "B4")]
        [InlineData("VmNotInDesirableState", "A3")]
        [InlineData("BackUpOperationFailedV2", "B8")]
        [InlineData("UserErrorStandardSSDNotSupported", "G1")]
        [InlineData("usererrorunabletoopenmount", "G2")]
        public void Documented_codes_resolve(string code, string id) => Assert.Equal(id, Kb.FindByCode(ErrorCode.Parse(code))?.Id);

        private static bool ContainsHan(string text) => text.Any(ch => ch >= '\u4E00' && ch <= '\u9FFF');
    }
}
