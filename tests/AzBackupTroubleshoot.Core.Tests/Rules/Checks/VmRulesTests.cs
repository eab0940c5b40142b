using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Rules.TestEvidence;

namespace AzBackupTroubleshoot.Core.Tests.Rules.Checks
{
    public class VmRulesTests
    {
        [Fact]
        public void VM_Exists_passes_for_a_VM_ARM_returned()
        {
            var outcome = Judge("VM.Exists", Healthy());

            Assert.Equal(EnglishOutcome.Pass("ARM returned VM 'vm-app' in resource group rg-app."), outcome);
        }

        [Fact]
        public void VM_Exists_fails_when_ARM_answered_404()
        {
            var outcome = Judge("VM.Exists", Healthy() with { Exists = false, Protection = null });

            Assert.Equal(RuleResult.Fail, outcome.Result);
            Assert.Equal("ARM answered 404 for VM 'vm-app' in resource group rg-app: it was deleted or never existed.", outcome.Evidence);
        }

        [Fact]
        public void VM_Exists_says_when_a_deleted_VM_is_still_protected()
        {
            var outcome = Judge("VM.Exists", Healthy() with { Exists = false });

            Assert.Equal(RuleResult.Fail, outcome.Result);
            Assert.Contains("it is still protected (" + ItemId + "), so its backups fail", outcome.Evidence);
        }

        [Fact]
        public void VM_Exists_fails_for_a_missing_VM_even_when_the_collector_also_noted_the_404_as_a_gap()
        {
            var evidence = Healthy() with { Exists = false, Gaps = [new EvidenceGap(EvidencePart.Vm, "ResourceNotFound", 404)] };

            Assert.Equal(RuleResult.Fail, Judge("VM.Exists", evidence).Result);
        }

        [Fact]
        public void VM_ProvisioningState_passes_when_succeeded()
        {
            Assert.Equal(EnglishOutcome.Pass("VM provisioning state is succeeded."), Judge("VM.ProvisioningState", Healthy()));
        }

        [Fact]
        public void VM_ProvisioningState_fails_when_failed_and_names_the_failed_extension()
        {
            var evidence = Healthy() with
            {
                ProvisioningState = "failed",
                Extensions = [new ExtensionEvidence { Name = "CustomScript", Type = "CustomScriptExtension", ProvisioningState = "Failed" }],
            };

            var outcome = Judge("VM.ProvisioningState", evidence);

            Assert.Equal(EnglishOutcome.Fail("VM provisioning state is failed; failed extensions: 'CustomScript'."), outcome);
        }

        [Theory]
        [InlineData("updating")]
        [InlineData("creating")]
        public void VM_ProvisioningState_warns_while_an_operation_is_under_way(string state)
        {
            var outcome = Judge("VM.ProvisioningState", Healthy() with { ProvisioningState = state });

            Assert.Equal(RuleResult.Warning, outcome.Result);
            Assert.StartsWith($"VM provisioning state is {state}, not succeeded", outcome.Evidence);
        }

        [Fact]
        public void VM_ProvisioningState_fails_while_the_VM_is_being_deleted()
        {
            Assert.Equal(RuleResult.Fail, Judge("VM.ProvisioningState", Healthy() with { ProvisioningState = "deleting" }).Result);
        }

        [Fact]
        public void VM_ProvisioningState_is_unknown_when_the_instance_view_has_none()
        {
            var outcome = Judge("VM.ProvisioningState", Healthy() with { ProvisioningState = null });

            Assert.Equal(EnglishOutcome.Unknown("The instance view reports no provisioning state."), outcome);
        }

        [Theory]
        [InlineData("running")]
        [InlineData("stopped")]
        [InlineData("deallocated")]
        public void VM_PowerState_passes_for_the_states_backup_accepts(string state)
        {
            Assert.Equal(EnglishOutcome.Pass($"VM power state is {state}."), Judge("VM.PowerState", Healthy() with { PowerState = state }));
        }

        [Theory]
        [InlineData("starting")]
        [InlineData("stopping")]
        [InlineData("deallocating")]
        [InlineData("hibernating")]
        public void VM_PowerState_fails_in_a_transitional_state(string state)
        {
            var outcome = Judge("VM.PowerState", Healthy() with { PowerState = state });

            Assert.Equal(RuleResult.Fail, outcome.Result);
            Assert.StartsWith($"VM power state is {state}, a transitional state", outcome.Evidence);
        }

        [Theory]
        [InlineData("unknown")]
        [InlineData(null)]
        public void VM_PowerState_is_unknown_when_the_platform_does_not_know_it(string? state)
        {
            Assert.Equal(RuleResult.Unknown, Judge("VM.PowerState", Healthy() with { PowerState = state }).Result);
        }
    }
}
