using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Remediation;
using static AzBackupTroubleshoot.Core.Tests.Remediation.RemediationFixtures;

namespace AzBackupTroubleshoot.Core.Tests.Remediation
{
    /// <summary>A lifted lock comes back whatever ends the run: a lost DELETE answer, the deadline, a killed process.</summary>
    public class LockSafetyTests
    {
        private static readonly TimeSpan RestoreTimeout = TimeSpan.FromSeconds(5);

        [Fact]
        public async Task A_lock_delete_whose_answer_was_lost_but_which_removed_the_lock_counts_as_lifted_and_is_put_back()
        {
            var keep = Lock("keep", "AzureBackupRG_eastus_1");
            var target = new RecordingTarget(keep) { LoseLockDeleteAnswer = new HttpRequestException("connection reset") };
            var vm = Vm(keep);
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);

            var result = await new RemediationExecutor(target, RestoreTimeout).CleanUpAsync(plan, vm, CancellationToken.None);

            Assert.Equal(["delete-lock keep", "read-lock keep", "delete-collection AzureBackupRG_eastus_1_vm1", "create-lock keep"], target.Calls);
            Assert.True(result.Succeeded, result.Error?.ToString());
            Assert.Equal([keep.ResourceId], result.RemovedLocks);
            Assert.Equal([keep.ResourceId], result.UnansweredLockDeletes);
            Assert.Equal([keep.ResourceId], result.RestoredLocks);
            Assert.Same(keep, target.ExistingLocks[keep.ResourceId]);
        }

        [Fact]
        public async Task A_lock_delete_cancelled_after_it_reached_arm_is_put_back_and_the_run_ends_cancelled()
        {
            var keep = Lock("keep", "AzureBackupRG_eastus_1");
            using var cts = new CancellationTokenSource();
            var target = new RecordingTarget(keep) { LoseLockDeleteAnswer = new OperationCanceledException(cts.Token) };
            target.FailOn = c =>
            {
                if (c == "delete-lock keep")
                {
                    cts.Cancel(); // Ctrl+C while the DELETE is on the wire
                }

                return null;
            };
            var vm = Vm(keep);
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);

            var result = await new RemediationExecutor(target, RestoreTimeout).CleanUpAsync(plan, vm, cts.Token);

            Assert.True(result.Cancelled);
            Assert.Equal(["delete-lock keep", "read-lock keep", "create-lock keep"], target.Calls);
            Assert.Equal([keep.ResourceId], result.UnansweredLockDeletes);
            Assert.True(target.ExistingLocks.ContainsKey(keep.ResourceId));
        }

        [Fact]
        public async Task A_lock_delete_without_answer_that_left_the_lock_in_place_is_the_error_and_nothing_is_put_back()
        {
            var keep = Lock("keep", "AzureBackupRG_eastus_1");
            var target = new RecordingTarget(keep) { LoseLockDeleteAnswer = new HttpRequestException("500") };
            var vm = Vm(keep);
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);
            var executor = new RemediationExecutor(new LockKeepingTarget(target), RestoreTimeout);

            var result = await executor.CleanUpAsync(plan, vm, CancellationToken.None);

            Assert.Equal("500", result.Error?.Message);
            Assert.Empty(result.RemovedLocks);
            Assert.Empty(result.UnansweredLockDeletes);
            Assert.Equal(["delete-lock keep", "read-lock keep"], target.Calls);
        }

        [Fact]
        public async Task Past_the_deadline_the_run_stops_the_lock_is_put_back_and_the_collection_state_is_read()
        {
            var keep = Lock("keep", "AzureBackupRG_eastus_1");
            var target = new RecordingTarget(keep) { HangOnCollectionDelete = true };
            var vm = Vm(keep);
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);

            var result = await new RemediationExecutor(target, RestoreTimeout) { Timeout = TimeSpan.FromMilliseconds(50) }.CleanUpAsync(plan, vm, CancellationToken.None);

            Assert.True(result.TimedOut);
            Assert.False(result.Cancelled);
            Assert.IsType<TimeoutException>(result.Error);
            Assert.Equal(["delete-lock keep", "delete-collection AzureBackupRG_eastus_1_vm1", "create-lock keep", "read-collection AzureBackupRG_eastus_1_vm1"], target.Calls);
            Assert.Equal(CollectionState.Deleting, Assert.Single(result.CollectionStates).State);
            Assert.Equal([keep.ResourceId], result.RestoredLocks);
        }

        [Fact]
        public async Task The_locks_are_journalled_before_the_first_is_lifted_and_the_journal_completed_once_all_are_back()
        {
            var a = Lock("a", "AzureBackupRG_eastus_1");
            var b = Lock("b", "AzureBackupRG_eastus_1", "ReadOnly");
            var target = new RecordingTarget(a, b);
            var journal = new MemoryJournal(target.Calls);
            var vm = Vm(a, b);
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);

            await new RemediationExecutor(target, RestoreTimeout) { Journal = journal }.CleanUpAsync(plan, vm, CancellationToken.None);

            Assert.Equal(["journal 2", "delete-lock a", "delete-lock b", "delete-collection AzureBackupRG_eastus_1_vm1", "create-lock a", "create-lock b", "journal done"], target.Calls);
            Assert.Empty(journal.Pending);
        }

        [Fact]
        public async Task A_lock_that_cannot_be_put_back_keeps_its_journal_entry_with_what_was_being_deleted()
        {
            var keep = Lock("keep", "AzureBackupRG_eastus_1");
            var target = new RecordingTarget(keep) { FailOn = c => c == "create-lock keep" ? new InvalidOperationException("500") : null };
            var journal = new MemoryJournal(target.Calls);
            var vm = Vm(keep);
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);

            await new RemediationExecutor(target, RestoreTimeout) { Journal = journal }.CleanUpAsync(plan, vm, CancellationToken.None);

            var entry = Assert.Single(journal.Pending);
            Assert.Equal([keep], entry.Locks);
            Assert.Equal([CollectionId("AzureBackupRG_eastus_1", "AzureBackupRG_eastus_1_vm1")], entry.Deleting);
            Assert.Equal(VmId, entry.VmId);
        }

        [Fact]
        public async Task A_journal_that_cannot_be_written_lifts_no_lock()
        {
            var keep = Lock("keep", "AzureBackupRG_eastus_1");
            var target = new RecordingTarget(keep);
            var vm = Vm(keep);
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);

            var result = await new RemediationExecutor(target, RestoreTimeout) { Journal = new UnwritableJournal() }.CleanUpAsync(plan, vm, CancellationToken.None);

            Assert.IsType<UnauthorizedAccessException>(result.Error);
            Assert.Empty(target.Calls);
        }

        [Fact]
        public void A_subscription_lock_is_refused_unless_subscription_locks_are_allowed_too()
        {
            var vm = Vm(Lock("rg", "AzureBackupRG_eastus_1"), Lock("sub-wide", "AzureBackupRG_eastus_1", inherited: true));

            var refused = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);
            var allowed = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true, removeSubscriptionLocks: true);

            Assert.True(refused.RefusesSubscriptionLocks);
            Assert.Equal(["sub-wide"], refused.SubscriptionLocks.Select(l => l.Name));
            Assert.False(allowed.RefusesSubscriptionLocks);
            Assert.False(RestorePointCleanupPlanner.Plan(Vm(Lock("rg", "AzureBackupRG_eastus_1")), CleanupMethod.DeleteCollection, removeLocks: true).RefusesSubscriptionLocks);
        }

        [Fact]
        public async Task A_plan_refused_for_a_subscription_lock_is_never_run()
        {
            var target = new RecordingTarget();
            var vm = Vm(Lock("sub-wide", "AzureBackupRG_eastus_1", inherited: true));
            var plan = RestorePointCleanupPlanner.Plan(vm, CleanupMethod.DeleteCollection, removeLocks: true);

            await Assert.ThrowsAsync<InvalidOperationException>(() => new RemediationExecutor(target, RestoreTimeout).CleanUpAsync(plan, vm, CancellationToken.None));
            Assert.Empty(target.Calls);
        }

        [Fact]
        public async Task Restoring_from_the_journal_recreates_the_missing_lock_skips_the_one_in_place_leaves_a_changed_one_and_keeps_the_entry()
        {
            var missing = Lock("missing", "AzureBackupRG_eastus_1");
            var inPlace = Lock("in-place", "AzureBackupRG_eastus_1");
            var changed = Lock("changed", "AzureBackupRG_eastus_1");
            var target = new RecordingTarget(inPlace, changed with { Notes = "set by someone since" });
            var journal = new MemoryJournal(target.Calls);
            var entry = journal.Write(new LockJournalEntry { VmId = VmId, Action = "DeleteCollection", Locks = [missing, inPlace, changed] });

            var outcomes = await new LockJournalRestorer(target, journal).RestoreAsync(entry, _ => Task.FromResult(true), CancellationToken.None);

            Assert.Equal([JournalLockOutcome.Restored, JournalLockOutcome.AlreadyInPlace, JournalLockOutcome.ChangedSince], outcomes.Select(o => o.Outcome));
            Assert.Equal(["journal 3", "read-lock missing", "create-lock missing", "read-lock in-place", "read-lock changed"], target.Calls);
            Assert.Same(missing, target.ExistingLocks[missing.ResourceId]);
            Assert.Equal("set by someone since", target.ExistingLocks[changed.ResourceId].Notes);
            Assert.Single(journal.Pending);
        }

        [Fact]
        public async Task Restoring_a_journal_whose_locks_all_end_in_place_completes_it_and_a_declined_lock_is_not_sent()
        {
            var a = Lock("a", "AzureBackupRG_eastus_1");
            var b = Lock("b", "AzureBackupRG_eastus_1");
            var target = new RecordingTarget(b);
            var journal = new MemoryJournal(target.Calls);
            var entry = journal.Write(new LockJournalEntry { VmId = VmId, Action = "DeleteCollection", Locks = [a, b] });

            var declined = await new LockJournalRestorer(target, journal).RestoreAsync(entry, _ => Task.FromResult(false), CancellationToken.None);
            Assert.Equal(JournalLockOutcome.NotRestored, declined[0].Outcome);
            Assert.DoesNotContain("create-lock a", target.Calls);
            Assert.Single(journal.Pending);

            await new LockJournalRestorer(target, journal).RestoreAsync(entry, _ => Task.FromResult(true), CancellationToken.None);
            Assert.Contains("create-lock a", target.Calls);
            Assert.Equal("journal done", target.Calls.Last());
            Assert.Empty(journal.Pending);
        }

        /// <summary>A DELETE whose answer is lost and which did not remove the lock after all.</summary>
        private sealed class LockKeepingTarget(RecordingTarget inner) : IRemediationTarget
        {
            public Task<Evidence.LockEvidence?> ReadLockAsync(Evidence.LockEvidence l, CancellationToken ct) => inner.ReadLockAsync(l, ct);

            public async Task DeleteLockAsync(Evidence.LockEvidence l, CancellationToken ct)
            {
                inner.Calls.Add("delete-lock " + l.Name);
                await Task.Yield();
                throw new UnansweredLockDeleteException("no answer", inner.LoseLockDeleteAnswer!);
            }

            public Task CreateLockAsync(Evidence.LockEvidence l, CancellationToken ct) => inner.CreateLockAsync(l, ct);
            public Task DeleteRestorePointCollectionAsync(string id, CancellationToken ct) => inner.DeleteRestorePointCollectionAsync(id, ct);
            public Task<CollectionStatus> ReadRestorePointCollectionAsync(string id, CancellationToken ct) => inner.ReadRestorePointCollectionAsync(id, ct);
            public Task DeleteExtensionAsync(string vmId, string name, CancellationToken ct) => inner.DeleteExtensionAsync(vmId, name, ct);
            public Task<string?> TriggerBackupAsync(Evidence.VmEvidence vm, CancellationToken ct) => inner.TriggerBackupAsync(vm, ct);
        }

        private sealed class UnwritableJournal : ILockJournal
        {
            public LockJournalEntry Write(LockJournalEntry entry) => throw new UnauthorizedAccessException("read-only folder");
            public void Complete(LockJournalEntry entry) => throw new InvalidOperationException("never written");
        }
    }
}
