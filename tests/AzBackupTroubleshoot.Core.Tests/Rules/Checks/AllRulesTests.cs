using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Rules.TestEvidence;

namespace AzBackupTroubleshoot.Core.Tests.Rules.Checks
{
    /// <summary>What every rule does alike: missing VMs, gaps, parts not collected, and its description.</summary>
    public class AllRulesTests
    {
        public static TheoryData<string> AllRuleIds() => new(RuleCatalog.Default.Rules.Select(r => r.Id));

        public static TheoryData<string> RuleIdsButExists() => new(RuleCatalog.Default.Rules.Select(r => r.Id).Where(id => id != "VM.Exists"));

        /// <summary>
        /// Each rule with an evidence part it reads, as the rule declares it (<see cref="IReadinessRule.Reads"/>): the
        /// declaration is the one statement of what a rule depends on (docs/knowledge-base.md shows it for review), and
        /// these tests hold the behaviour to it both ways: a gap in a declared part makes the rule Unknown, any other
        /// part missing and unreadable leaves its verdict alone.
        /// </summary>
        public static TheoryData<string, EvidencePart> RulesAndTheirParts()
        {
            var data = new TheoryData<string, EvidencePart>();
            foreach (var rule in RuleCatalog.Default.Rules)
            {
                foreach (var part in rule.Reads)
                {
                    data.Add(rule.Id, part);
                }
            }

            return data;
        }

        /// <summary>Each rule with an evidence part it does not declare.</summary>
        public static TheoryData<string, EvidencePart> RulesAndPartsTheyIgnore()
        {
            var data = new TheoryData<string, EvidencePart>();
            foreach (var rule in RuleCatalog.Default.Rules)
            {
                foreach (var part in Enum.GetValues(typeof(EvidencePart)).Cast<EvidencePart>().Except(rule.Reads))
                {
                    data.Add(rule.Id, part);
                }
            }

            return data;
        }

        /// <summary>Each rule with a part whose absence (null, no gap) it must notice.</summary>
        public static TheoryData<string, EvidencePart> RulesAndRemovableParts()
        {
            var data = new TheoryData<string, EvidencePart>();
            foreach (var row in RulesAndTheirParts().Where(r => (EvidencePart)r[1] is not (EvidencePart.Vm or EvidencePart.InstanceView)))
            {
                data.Add((string)row[0], (EvidencePart)row[1]);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(RuleIdsButExists))]
        public void A_VM_that_does_not_exist_makes_every_other_rule_not_applicable(string ruleId)
        {
            var outcome = Judge(ruleId, Healthy() with { Exists = false });

            Assert.Equal(RuleResult.NotApplicable, outcome.Result);
            Assert.Contains("'vm-app' does not exist", outcome.Evidence);
        }

        [Theory]
        [MemberData(nameof(RulesAndTheirParts))]
        public void A_gap_in_a_part_the_rule_reads_makes_it_unknown_and_names_the_gap(string ruleId, EvidencePart part)
        {
            var outcome = Judge(ruleId, Healthy().WithGap(part));

            Assert.Equal(RuleResult.Unknown, outcome.Result);
            Assert.Contains("AuthorizationFailed: the client has no read permission (HTTP 403)", outcome.Evidence);
        }

        [Theory]
        [MemberData(nameof(RulesAndRemovableParts))]
        public void A_part_that_was_not_collected_makes_the_rule_unknown(string ruleId, EvidencePart part)
        {
            var outcome = Judge(ruleId, Healthy().Without(part));

            Assert.Equal(RuleResult.Unknown, outcome.Result);
            Assert.Contains("was not collected", outcome.Evidence);
        }

        [Theory]
        [MemberData(nameof(RulesAndPartsTheyIgnore))]
        public void A_part_the_rule_does_not_declare_leaves_the_verdict_alone_when_unreadable(string ruleId, EvidencePart part)
        {
            foreach (var evidence in new[] { Healthy(), Linux(), Healthy() with { PowerState = "deallocated" } })
            {
                // As the collector leaves it: a separately collected part that could not be read is null, with a gap.
                // The verdict stays; the evidence text may say less (RestorePoint.GroupUnlocked names fewer groups).
                var unreadable = part is EvidencePart.Vm or EvidencePart.InstanceView ? evidence : evidence.Without(part);
                Assert.Equal(Judge(ruleId, evidence).Result, Judge(ruleId, unreadable.WithGap(part)).Result);
            }
        }

        [Fact]
        public void A_gap_in_a_part_the_rule_does_not_read_leaves_it_alone()
        {
            var outcome = Judge("RestorePoint.Limit", Healthy().WithGap(EvidencePart.Policy));

            Assert.Equal(RuleResult.Pass, outcome.Result);
        }

        [Fact]
        public void A_healthy_windows_VM_passes_every_rule_that_applies_to_it()
        {
            var expected = new Dictionary<string, RuleResult>
            {
                ["Agent.LinuxVersion"] = RuleResult.NotApplicable,
                ["Encryption.KeyVaultAccess"] = RuleResult.NotApplicable,
                ["Hint.SqlServer"] = RuleResult.NotApplicable,
                ["Hint.SiteRecovery"] = RuleResult.NotApplicable,
            };

            foreach (var rule in RuleCatalog.Default.Rules)
            {
                var outcome = rule.Evaluate(Healthy());
                Assert.True(
                    outcome.Result == expected.GetValueOrDefault(rule.Id, RuleResult.Pass),
                    $"{rule.Id}: {outcome.Result}: {outcome.Evidence}");
            }
        }

        [Theory]
        [MemberData(nameof(AllRuleIds))]
        public void Every_rule_has_a_title_in_three_languages_and_guards_checklist_rows(string ruleId)
        {
            var rule = RuleCatalog.Default.Get(ruleId)!;

            Assert.False(string.IsNullOrWhiteSpace(rule.Title.English));
            Assert.NotEqual(rule.Title.English, rule.Title.SimplifiedChinese);
            Assert.NotEqual(rule.Title.SimplifiedChinese, rule.Title.TraditionalChinese);
            Assert.All(rule.Guards, id => Assert.Matches(new Regex("^[A-G][0-9]{1,2}$"), id));
        }

        [Theory]
        [MemberData(nameof(AllRuleIds))]
        public void Every_rule_writes_evidence_as_sentences(string ruleId)
        {
            var samples = new[] { Healthy(), Linux(), Healthy() with { PowerState = "deallocated" }, Healthy() with { Exists = false } };

            foreach (var outcome in samples.Select(e => Judge(ruleId, e)))
            {
                Assert.Matches(new Regex(@"^[A-Z0-9'].*[.!]$"), outcome.Evidence);
            }
        }
    }
}
