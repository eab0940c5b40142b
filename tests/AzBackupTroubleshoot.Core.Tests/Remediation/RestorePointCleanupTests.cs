using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Remediation;
using static AzBackupTroubleshoot.Core.Tests.Remediation.RemediationFixtures;

namespace AzBackupTroubleshoot.Core.Tests.Remediation
{
    public class RestorePointCleanupTests
    {
        private static readonly TimeSpan RestoreTimeout = TimeSpan.FromSeconds(5);

        [Fact]
        public void Only_the_vms_own_collections_in_backup_resource_groups_are_planned()
        {
            var plan = RestorePointCleanupPlanner.Plan(Vm(), CleanupMethod.DeleteCollection, removeLocks: false);
            Assert.Equal(["AzureBackupRG_eastus_1_vm1"], plan.Collections.Select(c => c.Name));
            Assert.False(plan.IsBlocked);
        }

        [Fact]
        public void Locks_on_the_group_and_from_the_subscription_block_the_plan_and_unrelated_ones_do_not()
        {
            var plan = RestorePointCleanupPlanner.Plan(
                Vm(Lock("keep", "AzureBackupRG_eastus_1"), Lock("sub-wide", "AzureBackupRG_eastus_1", inherited: true), Lock("app", "rg-app")),
                CleanupMethod.DeleteCollection,
                removeLocks: false);
            Assert.True(plan.IsBlocked);
            Assert.Equal(["keep", "sub-wide"], plan.Locks.Select(l => l.Name));
        }

        [Fact]
        public void The_plan_lists_every_step_in_order()
        {
            var plan = RestorePointCleanupPlanner.Plan(Vm(Lock("keep", "AzureBackupRG_eastus_1")), CleanupMethod.DeleteCollection, removeLocks: true);
            Assert.Collection(
                plan.Steps,
                s => Assert.StartsWith("Record and remove lock 'keep'", s, StringComparison.Ordinal),
                s => Assert.Contains("AzureBackupRG_eastus_1_vm1' in AzureBackupRG_eastus_1 (18 restore points)", s, StringComparison.Ordinal),
                s => Assert.StartsWith("Re-create lock 'keep'", s, StringComparison.Ordinal));
        }

        [Fact]
        public void A_named_collection_that_is_not_the_vms_is_refused()
        {
            var ex = Assert.Throws<ArgumentException>(() => RestorePointCleanupPlanner.Plan(
                Vm(), CleanupMethod.DeleteCollection, removeLocks: false, CollectionId("AzureBackupRG_eastus_1", "AzureBackupRG_eastus_1_vm2")));
            Assert.Contains("left alone", ex.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => RestorePointCleanupPlanner.Plan(Vm(), CleanupMethod.DeleteCollection, false, CollectionId("rg-app", "vm1-manual")));
        }

        [Fact]
        public void Unread_evidence_plans_nothing() =>
            Assert.Throws<InvalidOperationException>(() => RestorePointCleanupPlanner.Plan(Vm() with { Locks = null }, CleanupMethod.DeleteCollection, true));

        [Fact]
        public async Task Locks_are_lifted_the_collection_deleted_and_the_locks_put_back_in_that_order()
        {
            var target = new RecordingTarget();
            var vm = Vm(Lock("keep", "AzureBackupRG_eastus_1"));
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);

            var result = await new RemediationExecutor(target, RestoreTimeout).CleanUpAsync(plan, vm, CancellationToken.None);

            Assert.Equal(["delete-lock keep", "delete-collection AzureBackupRG_eastus_1_vm1", "create-lock keep"], target.Calls);
            Assert.True(result.Succeeded);
            Assert.Single(result.DeletedCollections);
            Assert.Equal(result.RemovedLocks, result.RestoredLocks);
        }

        [Fact]
        public async Task A_failed_delete_still_puts_every_lock_back()
        {
            var target = new RecordingTarget { FailOn = c => c.StartsWith("delete-collection", StringComparison.Ordinal) ? new InvalidOperationException("409 ScopeLocked") : null };
            var vm = Vm(Lock("a", "AzureBackupRG_eastus_1"), Lock("b", "AzureBackupRG_eastus_1", "ReadOnly"));
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);

            var result = await new RemediationExecutor(target, RestoreTimeout).CleanUpAsync(plan, vm, CancellationToken.None);

            Assert.Equal("409 ScopeLocked", result.Error?.Message);
            Assert.Equal(["create-lock a", "create-lock b"], target.Calls.Skip(3));
            Assert.Empty(result.DeletedCollections);
            Assert.Equal(2, result.RestoredLocks.Count);
        }

        [Fact]
        public async Task A_failure_while_lifting_locks_puts_back_the_ones_already_lifted()
        {
            var target = new RecordingTarget { FailOn = c => c == "delete-lock b" ? new InvalidOperationException("403") : null };
            var vm = Vm(Lock("a", "AzureBackupRG_eastus_1"), Lock("b", "AzureBackupRG_eastus_1"));
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);

            var result = await new RemediationExecutor(target, RestoreTimeout).CleanUpAsync(plan, vm, CancellationToken.None);

            Assert.Equal(["delete-lock a", "delete-lock b", "create-lock a"], target.Calls);
            Assert.NotNull(result.Error);
        }

        [Fact]
        public async Task Cancelling_mid_delete_puts_the_locks_back()
        {
            var target = new RecordingTarget { HangOnCollectionDelete = true };
            var vm = Vm(Lock("keep", "AzureBackupRG_eastus_1"));
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);
            using var cts = new CancellationTokenSource();

            var run = new RemediationExecutor(target, RestoreTimeout).CleanUpAsync(plan, vm, cts.Token);
            await cts.CancelAsync();
            var result = await run;

            Assert.True(result.Cancelled);
            Assert.Equal("create-lock keep", target.Calls.Last());
            Assert.Equal(["keep"], result.RestoredLocks.Select(id => id.Substring(id.LastIndexOf('/') + 1)));
        }

        [Fact]
        public async Task A_lock_that_cannot_be_put_back_is_reported_with_the_command_to_do_it()
        {
            var target = new RecordingTarget { FailOn = c => c == "create-lock keep" ? new InvalidOperationException("500") : null };
            var vm = Vm(Lock("keep", "AzureBackupRG_eastus_1"));
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);

            var result = await new RemediationExecutor(target, RestoreTimeout).CleanUpAsync(plan, vm, CancellationToken.None);

            var failure = Assert.Single(result.LockRestoreFailures);
            Assert.False(result.Succeeded);
            Assert.Equal("New-AzResourceLock -LockName 'keep' -LockLevel 'CanNotDelete' -ResourceGroupName 'AzureBackupRG_eastus_1' -LockNotes 'do not delete' -Force", failure.RecreateCommand);
        }

        [Fact]
        public void A_subscription_lock_is_recreated_at_its_scope() =>
            Assert.Equal(
                $"New-AzResourceLock -LockName 'o''brien' -LockLevel 'ReadOnly' -Scope '/subscriptions/{Sub}' -LockNotes 'do not delete' -Force",
                LockCommands.Recreate(Lock("o'brien", "AzureBackupRG_eastus_1", "ReadOnly", inherited: true)));

        [Fact]
        public async Task A_blocked_plan_is_never_run()
        {
            var target = new RecordingTarget();
            var vm = Vm(Lock("keep", "AzureBackupRG_eastus_1"));
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: false);
            await Assert.ThrowsAsync<InvalidOperationException>(() => new RemediationExecutor(target, RestoreTimeout).CleanUpAsync(plan, vm, CancellationToken.None));
            Assert.Empty(target.Calls);
        }

        [Fact]
        public async Task On_demand_backup_lifts_locks_triggers_the_backup_and_says_cleanup_follows()
        {
            var target = new RecordingTarget();
            var vm = Vm(Lock("keep", "AzureBackupRG_eastus_1"));
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.OnDemandBackup, removeLocks: true);

            var result = await new RemediationExecutor(target, RestoreTimeout).CleanUpAsync(plan, vm, CancellationToken.None);

            Assert.Equal(["delete-lock keep", "backup vm1", "create-lock keep"], target.Calls);
            Assert.Equal("job-1", result.BackupJobId);
            Assert.Contains("within hours", result.Note, StringComparison.Ordinal);
        }
    }
}
