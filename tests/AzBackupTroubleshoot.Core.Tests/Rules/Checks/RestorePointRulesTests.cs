using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Rules.TestEvidence;

namespace AzBackupTroubleshoot.Core.Tests.Rules.Checks
{
    public class RestorePointRulesTests
    {
        private const string OtherVmId = "/subscriptions/" + SubscriptionId + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-other";

        private static EnglishOutcome Locks(params LockEvidence[] locks) => Judge("RestorePoint.GroupUnlocked", Healthy() with { Locks = locks });

        private static LockEvidence SubscriptionLock(string inheritedBy) => new()
        {
            ResourceId = $"/subscriptions/{SubscriptionId}/providers/Microsoft.Authorization/locks/no-delete",
            Name = "no-delete",
            Level = "CanNotDelete",
            Scope = "/subscriptions/" + SubscriptionId,
            ResourceGroupName = inheritedBy,
            Inherited = true,
        };

        [Fact]
        public void GroupUnlocked_passes_without_locks()
        {
            Assert.Equal(
                EnglishOutcome.Pass("No lock on resource group AzureBackupRG_eastus_1, any AzureBackupRG_eastus_* resource group, and none inherited from the subscription."),
                Locks());
        }

        [Fact]
        public void GroupUnlocked_fails_on_a_lock_on_the_group_that_holds_the_collection()
        {
            Assert.Equal(
                EnglishOutcome.Fail("Lock 'keep' (CanNotDelete) on resource group AzureBackupRG_eastus_1."),
                Locks(GroupLock("keep", "AzureBackupRG_eastus_1")));
        }

        [Fact]
        public void GroupUnlocked_fails_on_a_lock_on_a_backup_group_of_the_region_that_would_hold_a_new_collection()
        {
            var evidence = Healthy() with { RestorePointCollections = [], Locks = [GroupLock("ro", "azurebackuprg_eastus_2", "ReadOnly")] };

            Assert.Equal(EnglishOutcome.Fail("Lock 'ro' (ReadOnly) on resource group azurebackuprg_eastus_2."), Judge("RestorePoint.GroupUnlocked", evidence));
        }

        [Fact]
        public void GroupUnlocked_fails_on_a_lock_on_a_custom_group_that_holds_the_collection()
        {
            var evidence = Healthy() with
            {
                RestorePointCollections = [Collection("rg-restorepoints", 3)],
                Locks = [GroupLock("keep", "rg-restorepoints")],
            };

            Assert.Equal(RuleResult.Fail, Judge("RestorePoint.GroupUnlocked", evidence).Result);
        }

        [Fact]
        public void GroupUnlocked_names_a_subscription_lock_once_though_every_group_inherits_it()
        {
            var outcome = Locks(SubscriptionLock("AzureBackupRG_eastus_1"), SubscriptionLock("rg-app"));

            Assert.Equal(
                EnglishOutcome.Fail($"Lock 'no-delete' (CanNotDelete) on subscription {SubscriptionId}, inherited by every resource group."),
                outcome);
        }

        [Fact]
        public void GroupUnlocked_names_each_blocking_lock()
        {
            var outcome = Locks(GroupLock("keep", "AzureBackupRG_eastus_1"), GroupLock("keep-too", "AzureBackupRG_eastus_1", "ReadOnly"));

            Assert.Equal(
                EnglishOutcome.Fail("Lock 'keep' (CanNotDelete) on resource group AzureBackupRG_eastus_1; lock 'keep-too' (ReadOnly) on resource group AzureBackupRG_eastus_1."),
                outcome);
        }

        [Fact]
        public void GroupUnlocked_ignores_locks_that_cannot_touch_the_VMs_collection()
        {
            var evidence = Healthy() with
            {
                RestorePointCollections = [Collection("AzureBackupRG_eastus_1", 3), Collection("rg-other-points", 3, OtherVmId)],
                Locks = [GroupLock("app", "rg-app"), GroupLock("west", "AzureBackupRG_westus_1"), GroupLock("other", "rg-other-points")],
            };

            Assert.Equal(RuleResult.Pass, Judge("RestorePoint.GroupUnlocked", evidence).Result);
        }

        [Fact]
        public void GroupUnlocked_judges_a_lock_on_the_collection_itself_by_its_group()
        {
            var collection = Collection("AzureBackupRG_eastus_1", 3);
            var lockOnCollection = new LockEvidence { ResourceId = collection.ResourceId + "/providers/Microsoft.Authorization/locks/c", Name = "c", Level = "CanNotDelete", Scope = collection.ResourceId };

            Assert.Equal(
                EnglishOutcome.Fail($"Lock 'c' (CanNotDelete) on resource {collection.ResourceId}."),
                Locks(lockOnCollection));
        }

        [Fact]
        public void GroupUnlocked_considers_every_backup_group_when_the_region_is_not_known()
        {
            var evidence = Healthy() with { Location = null, RestorePointCollections = [], Locks = [GroupLock("west", "AzureBackupRG_westus_1")] };

            Assert.Equal(RuleResult.Fail, Judge("RestorePoint.GroupUnlocked", evidence).Result);
        }

        private static EnglishOutcome Limit(params RestorePointCollectionEvidence[] collections) =>
            Judge("RestorePoint.Limit", Healthy() with { RestorePointCollections = collections });

        [Theory]
        [InlineData(0, RuleResult.Pass)]
        [InlineData(15, RuleResult.Pass)]
        [InlineData(16, RuleResult.Warning)]
        [InlineData(17, RuleResult.Warning)]
        [InlineData(18, RuleResult.Fail)]
        [InlineData(25, RuleResult.Fail)]
        public void Limit_fails_at_18_restore_points_and_warns_from_16(int count, RuleResult expected)
        {
            Assert.Equal(expected, Limit(Collection("AzureBackupRG_eastus_1", count)).Result);
        }

        [Fact]
        public void Limit_names_the_full_collection()
        {
            Assert.Equal(
                EnglishOutcome.Fail("Restore point collection 'AzureBackup_vm-app_1' in resource group AzureBackupRG_eastus_1 holds 18 restore points. 18 is the limit per VM collection."),
                Limit(Collection("AzureBackupRG_eastus_1", 18)));
        }

        [Fact]
        public void Limit_passes_before_the_first_backup()
        {
            Assert.Equal(EnglishOutcome.Pass("No restore point collection has this VM as its source yet."), Limit());
        }

        [Fact]
        public void Limit_counts_only_collections_whose_source_is_this_VM()
        {
            Assert.Equal(RuleResult.Pass, Limit(Collection("AzureBackupRG_eastus_1", 18, OtherVmId), Collection("AzureBackupRG_eastus_1", 2)).Result);
        }

        [Fact]
        public void Limit_is_unknown_when_the_restore_points_were_not_counted()
        {
            Assert.Equal(
                EnglishOutcome.Unknown("The restore points of collection 'AzureBackup_vm-app_1' in resource group AzureBackupRG_eastus_1 were not counted."),
                Limit(Collection("AzureBackupRG_eastus_1", null)));
        }
    }
}
