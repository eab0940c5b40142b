using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Rules.TestEvidence;

namespace AzBackupTroubleshoot.Core.Tests.Rules.Checks
{
    public class ProtectionAndPolicyRulesTests
    {
        private static VmEvidence WithProtection(ProtectionEvidence protection) => Healthy() with { Protection = protection };

        [Fact]
        public void Protection_Active_passes_an_actively_protected_VM()
        {
            Assert.Equal(EnglishOutcome.Pass($"Protected item {ItemId} is in protection state Protected."), Judge("Protection.Active", Healthy()));
        }

        [Theory]
        [InlineData("ProtectionStopped")]
        [InlineData("ProtectionPaused")]
        [InlineData("BackupsSuspended")]
        public void Protection_Active_fails_when_protection_is_stopped_or_paused(string state)
        {
            var outcome = Judge("Protection.Active", WithProtection(Healthy().Protection! with { ProtectionState = state }));

            Assert.Equal(EnglishOutcome.Fail($"Protected item {ItemId} is in protection state {state}: the VM is not actively protected."), outcome);
        }

        [Fact]
        public void Protection_Active_does_not_apply_to_a_VM_not_protected_yet()
        {
            var outcome = Judge("Protection.Active", WithProtection(new ProtectionEvidence { ProtectionStatus = "NotProtected" }));

            Assert.Equal(EnglishOutcome.NotApplicable("The VM is not protected yet (backup status NotProtected)."), outcome);
        }

        [Fact]
        public void Protection_Active_is_unknown_when_the_item_reports_no_state()
        {
            var outcome = Judge("Protection.Active", WithProtection(Healthy().Protection! with { ProtectionState = null }));

            Assert.Equal(RuleResult.Unknown, outcome.Result);
        }

        [Theory]
        [InlineData("Protected")]
        [InlineData("Protecting")]
        [InlineData("NotProtected")]
        public void Protection_Status_passes_when_the_API_reports_no_failure(string status)
        {
            var outcome = Judge("Protection.Status", WithProtection(Healthy().Protection! with { ProtectionStatus = status }));

            Assert.Equal(EnglishOutcome.Pass($"The backup status API reports {status}."), outcome);
        }

        [Fact]
        public void Protection_Status_fails_with_the_service_error_and_hands_its_code_on()
        {
            var protection = Healthy().Protection! with
            {
                ProtectionStatus = "ProtectionFailed",
                ErrorCode = "UserErrorGuestAgentStatusUnavailable",
                ErrorMessage = "VM Agent unable to communicate with Azure Backup.",
            };

            var outcome = Judge("Protection.Status", WithProtection(protection));

            Assert.Equal(RuleResult.Fail, outcome.Result);
            Assert.Equal(
                "The backup status API reports ProtectionFailed with error UserErrorGuestAgentStatusUnavailable: VM Agent unable to communicate with Azure Backup.",
                outcome.Evidence);
            Assert.Equal("UserErrorGuestAgentStatusUnavailable", outcome.ServiceErrorCode);
            Assert.Equal("VM Agent unable to communicate with Azure Backup.", outcome.ServiceErrorMessage);
        }

        [Fact]
        public void Protection_Status_is_unknown_without_a_status()
        {
            Assert.Equal(
                EnglishOutcome.Unknown("The backup status API returned no protection status."),
                Judge("Protection.Status", WithProtection(new ProtectionEvidence())));
        }

        private static PolicyEvidence Deny(string name, bool targetsGroupsOrTags) => new()
        {
            AssignmentId = $"/subscriptions/{SubscriptionId}/providers/Microsoft.Authorization/policyAssignments/{name}",
            DisplayName = name,
            Scope = "/subscriptions/" + SubscriptionId,
            Effect = "deny",
            TargetsResourceGroupsOrTags = targetsGroupsOrTags,
        };

        [Fact]
        public void Policy_NoDeny_passes_without_deny_policies()
        {
            Assert.Equal(EnglishOutcome.Pass("No deny-effect policy assignment applies at the VM's scope."), Judge("Policy.NoDeny", Healthy()));
        }

        [Fact]
        public void Policy_NoDeny_fails_on_a_deny_policy_on_resource_groups_or_tags()
        {
            var outcome = Judge("Policy.NoDeny", Healthy() with { DenyPolicies = [Deny("require-cost-center-tag", true), Deny("allowed-skus", false)] });

            Assert.Equal(
                EnglishOutcome.Fail(
                    $"Policy assignment 'require-cost-center-tag' (deny) at /subscriptions/{SubscriptionId} targets resource groups or tags. "
                    + "It can deny the resource group Azure Backup creates for restore points."),
                outcome);
        }

        [Fact]
        public void Policy_NoDeny_passes_deny_policies_that_do_not_touch_groups_or_tags()
        {
            var outcome = Judge("Policy.NoDeny", Healthy() with { DenyPolicies = [Deny("allowed-skus", false)] });

            Assert.Equal(EnglishOutcome.Pass("Deny-effect policy assignments at the VM's scope: 1; none targets resource groups or tags."), outcome);
        }
    }
}
