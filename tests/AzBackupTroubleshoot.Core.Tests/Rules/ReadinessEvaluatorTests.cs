using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Rules.TestEvidence;

namespace AzBackupTroubleshoot.Core.Tests.Rules
{
    public class ReadinessEvaluatorTests
    {
        private static readonly KnowledgeBase Knowledge = TestKnowledge.Create();

        private static ReadinessEvaluator Evaluator(SupportedCulture culture = SupportedCulture.English, RuleCatalog? catalog = null) =>
            new(catalog ?? RuleCatalog.Default, Knowledge, culture);

        private static ReadinessResult ResultOf(IEnumerable<ReadinessResult> results, string ruleId) => results.Single(r => r.RuleId == ruleId);

        private static VmEvidence StuckExtension() =>
            Healthy() with { Extensions = [new ExtensionEvidence { Name = "VMSnapshot", Type = "VMSnapshot", ProvisioningState = "Deleting" }] };

        [Fact]
        public void Gives_one_result_per_rule_in_catalog_order_with_the_VMs_identity()
        {
            var results = Evaluator().Evaluate(Healthy());

            Assert.Equal(RuleCatalog.Default.Rules.Select(r => r.Id), results.Select(r => r.RuleId));
            Assert.All(results, r =>
            {
                Assert.Equal("vm-app", r.VmName);
                Assert.Equal("rg-app", r.ResourceGroupName);
                Assert.Equal(SubscriptionId, r.SubscriptionId);
                Assert.Equal(VmId, r.VmId);
                Assert.Equal(Now, r.CollectedAt);
                Assert.Equal(SupportedCulture.English, r.Culture);
            });
        }

        [Fact]
        public void Carries_the_rules_verdict_evidence_severity_and_guarded_entries()
        {
            var result = ResultOf(Evaluator().Evaluate(StuckExtension()), "Extension.BackupHealthy");

            Assert.Equal(RuleResult.Fail, result.Result);
            Assert.Equal(RuleSeverity.Error, result.Severity);
            Assert.Equal("VMSnapshot extension 'VMSnapshot' is in provisioning state Deleting.", result.Evidence);
            Assert.Equal(["A9"], result.KnowledgeIds);
        }

        [Fact]
        public void A_failure_carries_the_first_remedy_of_the_first_guarded_entry_with_the_command_filled_in()
        {
            var result = ResultOf(Evaluator().Evaluate(StuckExtension()), "Extension.BackupHealthy");

            Assert.Equal("Uninstall the backup extension; the next backup reinstalls it.", result.Remedy);
            Assert.Equal(
                $"Repair-AzVmBackupExtension -ResourceId '{VmId}' -VaultName 'vault-main' -VaultResourceGroupName 'rg-backup' -JobId '{{JobId}}'",
                result.RemedyCommand);
        }

        [Fact]
        public void The_command_keeps_vault_placeholders_when_the_VM_is_not_protected()
        {
            var evidence = StuckExtension() with { Protection = new ProtectionEvidence { ProtectionStatus = "NotProtected" } };

            var result = ResultOf(Evaluator().Evaluate(evidence), "Extension.BackupHealthy");

            Assert.Equal($"Repair-AzVmBackupExtension -ResourceId '{VmId}' -VaultName '{{VaultName}}' -VaultResourceGroupName '{{VaultResourceGroupName}}' -JobId '{{JobId}}'", result.RemedyCommand);
        }

        [Fact]
        public void A_warning_carries_a_remedy_too()
        {
            var evidence = Healthy() with { RestorePointCollections = [Collection("AzureBackupRG_eastus_1", 17)] };

            var result = ResultOf(Evaluator().Evaluate(evidence), "RestorePoint.Limit");

            Assert.Equal(RuleResult.Warning, result.Result);
            Assert.Equal("Remove the lock and clean the collection.", result.Remedy);
            Assert.Equal("Clear-AzRestorePointCollection -VMName 'vm-app' -ResourceGroupName 'rg-app'", result.RemedyCommand);
        }

        [Fact]
        public void Passing_and_skipped_results_carry_no_remedy()
        {
            var results = Evaluator().Evaluate(Healthy());

            Assert.All(results, r =>
            {
                Assert.Null(r.Remedy);
                Assert.Null(r.RemedyCommand);
            });
            Assert.Equal(["A9"], ResultOf(results, "Extension.BackupHealthy").KnowledgeIds);
        }

        [Fact]
        public void A_failure_whose_guarded_entry_the_knowledge_base_lacks_has_no_remedy()
        {
            var result = ResultOf(Evaluator().Evaluate(Healthy() with { PowerState = "starting" }), "VM.PowerState");

            Assert.Equal(RuleResult.Fail, result.Result);
            Assert.Equal(["A3"], result.KnowledgeIds);
            Assert.Null(result.Remedy);
        }

        [Fact]
        public void A_remedy_comes_from_the_first_guarded_entry_the_knowledge_base_has()
        {
            // Agent.Ready guards B1 then C1; the test knowledge base has B1 only.
            var evidence = Healthy() with { Agent = Agent("2.7.41491.1102", "Not Ready") };

            var result = ResultOf(Evaluator().Evaluate(evidence), "Agent.Ready");

            Assert.Equal(["B1", "C1"], result.KnowledgeIds);
            Assert.Equal("Restart the VM agent.", result.Remedy);
            Assert.Null(result.RemedyCommand);
        }

        [Fact]
        public void A_service_error_code_in_the_outcome_leads_to_its_own_entry_and_remedy()
        {
            var evidence = Healthy() with
            {
                Protection = Healthy().Protection! with { ProtectionStatus = "ProtectionFailed", ErrorCode = "UserErrorRpCollectionLimitReached" },
            };

            var result = ResultOf(Evaluator().Evaluate(evidence), "Protection.Status");

            Assert.Equal(["B4"], result.KnowledgeIds);
            Assert.Equal("Remove the lock and clean the collection.", result.Remedy);
        }

        [Fact]
        public void An_unknown_service_error_code_leaves_the_result_without_entries()
        {
            var evidence = Healthy() with
            {
                Protection = Healthy().Protection! with { ProtectionStatus = "ProtectionFailed", ErrorCode = "UserErrorSomethingNew", ErrorMessage = "Something new happened." },
            };

            var result = ResultOf(Evaluator().Evaluate(evidence), "Protection.Status");

            Assert.Equal(RuleResult.Fail, result.Result);
            Assert.Empty(result.KnowledgeIds);
            Assert.Null(result.Remedy);
        }

        [Theory]
        [InlineData(SupportedCulture.English, "The backup extension is not failed or stuck deleting", "Uninstall the backup extension; the next backup reinstalls it.")]
        [InlineData(SupportedCulture.SimplifiedChinese, "备份扩展未失败，也未卡在删除状态", "卸载备份扩展；下次备份会重新安装。")]
        [InlineData(SupportedCulture.TraditionalChinese, "備份延伸模組未失敗，也未卡在刪除狀態", "解除安裝備份延伸模組；下次備份會重新安裝。")]
        public void The_culture_chooses_the_language_of_titles_and_remedies(SupportedCulture culture, string title, string remedy)
        {
            var result = ResultOf(Evaluator(culture).Evaluate(StuckExtension()), "Extension.BackupHealthy");

            Assert.Equal(title, result.Title);
            Assert.Equal(remedy, result.Remedy);
            Assert.Equal(culture, result.Culture);
        }

        [Fact]
        public void A_rule_that_throws_becomes_unknown_with_the_message_and_the_VM_keeps_its_other_results()
        {
            var catalog = new RuleCatalog([new ThrowingRule(), RuleCatalog.Default.Get("VM.Exists")!]);

            var results = Evaluator(catalog: catalog).Evaluate(Healthy());

            Assert.Equal(2, results.Count);
            Assert.Equal(RuleResult.Unknown, results[0].Result);
            Assert.Equal("The rule could not judge the evidence: InvalidOperationException: the rule has a bug", results[0].Evidence);
            Assert.Equal("Test.Throws", results[0].RuleId);
            Assert.Equal(RuleResult.Pass, results[1].Result);
        }

        private sealed class ThrowingRule : IReadinessRule
        {
            public string Id => "Test.Throws";

            public LocalizedText Title { get; } = new("Throws", "抛出", "擲出");

            public RuleSeverity Severity => RuleSeverity.Error;

            public IReadOnlyList<string> Guards { get; } = ["A9"];

            public IReadOnlyList<EvidencePart> Reads { get; } = [];

            public RuleOutcome Evaluate(VmEvidence evidence) => throw new InvalidOperationException("the rule has a bug");
        }
    }
}
