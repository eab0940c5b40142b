using System;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Collection.Bulk;
using AzBackupTroubleshoot.Engine.Remediation;
using AzBackupTroubleshoot.Engine.Tests.Bulk;
using AzBackupTroubleshoot.Engine.Tests.Remediation;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Remediation;

namespace AzBackupTroubleshoot.Engine.Tests.Collection;

/// <summary>A restore point collection whose source.id is empty belongs to no VM: it is skipped, and the evidence says so.</summary>
public class SourcelessCollectionTests
{
    [Fact]
    public async Task The_single_vm_collector_skips_it_with_a_note_and_keeps_the_vms_own()
    {
        var (world, vm, _, backupGroup) = TestWorlds.Protected();
        backupGroup.AddRestorePointCollection("AzureBackup_vm-app-01_5555", string.Empty).WithRestorePoints(2);
        await using var fake = await FakeArmSession.StartAsync(world);

        var evidence = await new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(vm), default);

        Assert.Equal("AzureBackup_vm-app-01_1234", Assert.Single(evidence.RestorePointCollections!).Name);
        var gap = Assert.Single(evidence.Gaps);
        Assert.True(gap.Skipped);
        Assert.Equal(EvidencePart.RestorePoints, gap.Part);
        Assert.Contains("AzureBackup_vm-app-01_5555", gap.Reason, StringComparison.Ordinal);
        Assert.Contains("names no source VM", gap.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bulk_scan_skips_it_with_a_note_and_judges_every_vm()
    {
        var (world, vm, _, backupGroup) = TestWorlds.Protected();
        backupGroup.AddRestorePointCollection("AzureBackup_vm-app-01_5555", string.Empty).WithRestorePoints(2);
        await using var fake = await FakeArmSession.StartAsync(world);

        var run = await BulkScanRun.ScanAsync(fake.Session, new BulkCollectionOptions { PerVmReads = PerVmReads.All }, "/subscriptions/" + TestWorlds.SubscriptionId);

        Assert.Empty(run.Problems);
        Assert.Equal(2, run.Evidence.Count);
        var evidence = run.Evidence[vm.Id];
        Assert.Equal("AzureBackup_vm-app-01_1234", Assert.Single(evidence.RestorePointCollections!).Name);
        Assert.Contains(evidence.Gaps, g => g.Skipped && g.Reason.Contains("AzureBackup_vm-app-01_5555", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cleanup_plan_leaves_it_alone_and_a_cleanup_named_by_it_finds_no_source()
    {
        var world = Scenarios.Load("B4-locked-restore-point-group");
        var sourceless = world.FindResourceGroup(Scenarios.SubscriptionId, "AzureBackupRG_eastus_1")!
            .AddRestorePointCollection("AzureBackup_vm-app24_5555", string.Empty).WithRestorePoints(2);
        await using var fake = await FakeArmSession.StartAsync(world);

        var (evidence, plan) = await RemediationFixture.PlanCleanupAsync(fake, CleanupMethod.DeleteCollection);

        Assert.Contains(evidence.Gaps, g => g.Skipped && g.Reason.Contains("AzureBackup_vm-app24_5555", StringComparison.Ordinal));
        Assert.NotEmpty(plan.Collections);
        Assert.DoesNotContain(plan.Collections, c => c.Name == sourceless.Name);
        Assert.Null(await RestorePointCollectionSourceVm.FindAsync(fake.Session, sourceless.Id, default));
    }
}
