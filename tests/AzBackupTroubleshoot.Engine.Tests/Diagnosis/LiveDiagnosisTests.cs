using System;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Engine.Diagnosis;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Engine.Tests.Diagnosis;

/// <summary>Failed jobs read from the fake ARM's vaults, diagnosed against the evidence of their VMs.</summary>
public class LiveDiagnosisTests
{
    [Theory]
    [InlineData("A12-vm-deleted", "A12", "vm-deleted", "ARM answered 404 for VM 'vm-gone12'")]
    [InlineData("B4-locked-restore-point-group", "B4", "lock-blocks-cleanup", "lock 'backup-rg-do-not-delete' (CanNotDelete) on resource group AzureBackupRG_eastus_1")]
    [InlineData("B4-restore-point-limit", "B4", "collection-at-18", "holds 18 restore points")]
    [InlineData("B10-backup-in-progress", "B10", "job-in-progress", "backup job 64c9ac82-b977-47fe-b987-cc8083b10f85 is InProgress")]
    [InlineData("B12-protection-stopped", "B12", "protection-not-active", "is in protection state ProtectionStopped")]
    [InlineData("A9-extension-deleting", "A9", "extension-inconsistent", "VMSnapshot extension 'VMSnapshot' is in provisioning state Deleting")]
    public async Task The_failed_backups_of_a_scenario_vm_confirm_the_documented_cause_with_its_evidence(string scenario, string knowledgeId, string causeId, string evidence)
    {
        var world = Scenarios.Load(scenario);
        await using var fake = await FakeArmSession.StartAsync(world);

        var result = await Diagnose(fake).DiagnoseAsync(FailedJobScope.Of(world.VmUnderTest!), new FailedJobQuery(), default);

        Assert.Empty(result.Problems);
        var diagnosis = Assert.Single(result.Diagnoses);
        Assert.Equal(DiagnosisStatus.Diagnosed, diagnosis.Status);
        Assert.Equal(knowledgeId, diagnosis.KnowledgeId);
        Assert.Equal(world.VmUnderTest, diagnosis.VmId, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(result.Jobs.Count(j => j.Status == "Failed"), diagnosis.Count);
        var cause = Assert.Single(diagnosis.Causes, c => c.Id == causeId);
        Assert.Equal(CauseStatus.Confirmed, cause.Status);
        Assert.Contains(cause.Evidence, e => e.Contains(evidence, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(diagnosis.Causes.OrderBy(c => c.Status), diagnosis.Causes);
        Assert.Single(result.Evidence);
    }

    [Fact]
    public async Task Each_vm_is_read_once_however_many_of_its_jobs_failed()
    {
        var world = A12World.WithFailingOtherVm();
        var silent = world.AllRecoveryServicesVaults().Single().AddJob(A12World.OtherVm, "Backup", "Failed", WorldTime.Ago(TimeSpan.FromHours(5)), WorldTime.Ago(TimeSpan.FromHours(4)));
        await using var fake = await FakeArmSession.StartAsync(world);

        var result = await Diagnose(fake).DiagnoseAsync(FailedJobScope.Of(A12World.Vault), new FailedJobQuery(), default);

        Assert.Equal(7, result.Jobs.Count);
        Assert.Equal([A12World.GoneVm, A12World.OtherVm], result.Evidence.Select(e => e.Vm.ResourceId).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        var requests = fake.Session.Requests.Snapshot();
        Assert.Equal(1, requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/virtualMachines/vm-gone12", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(1, requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/virtualMachines/vm-other12", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(2, requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/providers/Microsoft.Authorization/locks", StringComparison.OrdinalIgnoreCase)));
        // Only the job listed without error details is read on its own.
        var details = Assert.Single(requests, r => r.Method == "GET" && r.Path.Contains("/backupJobs/", StringComparison.OrdinalIgnoreCase));
        Assert.EndsWith("/backupJobs/" + silent.JobId, details.Path, StringComparison.OrdinalIgnoreCase);
        var gone = Assert.Single(result.Diagnoses, d => d.KnowledgeId == "A12");
        Assert.Equal(4, gone.Count);
        Assert.Equal(CauseStatus.Confirmed, gone.Causes[0].Status);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(500)]
    public async Task A_vm_whose_evidence_fails_keeps_its_causes_unknown_and_the_others_are_still_diagnosed(int status)
    {
        var world = A12World.WithFailingOtherVm();
        await using var fake = await FakeArmSession.StartAsync(world);
        if (status == 403)
        {
            fake.Server.Faults.Forbidden("GET", "/virtualMachines/vm-other12$", "Microsoft.Compute/virtualMachines/read");
        }
        else
        {
            fake.Server.Faults.Respond("GET", "/virtualMachines/vm-other12$", 500, "InternalServerError");
        }

        var result = await Diagnose(fake).DiagnoseAsync(FailedJobScope.Of(A12World.Vault), new FailedJobQuery(), default);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(A12World.OtherVm, problem.TargetId, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(status, problem.HttpStatus);
        Assert.Equal(status == 403 ? "Microsoft.Compute/virtualMachines/read" : null, problem.RefusedAction);
        var other = Assert.Single(result.Diagnoses, d => d.WorkloadName == "vm-other12");
        Assert.Equal("A9", other.KnowledgeId);
        Assert.All(other.Causes, c => Assert.Equal(CauseStatus.Unknown, c.Status));
        var gone = Assert.Single(result.Diagnoses, d => d.WorkloadName == "vm-gone12");
        Assert.Equal(CauseStatus.Confirmed, gone.Causes.Single(c => c.Id == "vm-deleted").Status);
    }

    [Fact]
    public async Task A_job_without_an_error_is_nothing_to_diagnose_and_no_vm_is_read_for_it()
    {
        var world = Scenarios.Load("B10-backup-in-progress");
        await using var fake = await FakeArmSession.StartAsync(world);
        var query = new FailedJobQuery { JobId = "64c9ac82-b977-47fe-b987-cc8083b10f85" };

        var result = await Diagnose(fake).DiagnoseAsync(FailedJobScope.Of(world.VmUnderTest!), query, default);

        var diagnosis = Assert.Single(result.Diagnoses);
        Assert.Equal(DiagnosisStatus.NothingToDiagnose, diagnosis.Status);
        Assert.Contains("InProgress", diagnosis.Note, StringComparison.Ordinal);
        Assert.Empty(result.Evidence);
        Assert.DoesNotContain(fake.Session.Requests.Snapshot(), r => r.Path.EndsWith("/providers/Microsoft.Authorization/locks", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Across_a_subscription_the_shared_lists_give_the_same_diagnoses_as_reading_each_vm_alone()
    {
        var world = SubscriptionOfFailures(out var gone, out var full);
        var subscription = FailedJobScope.Of("/subscriptions/" + Scenarios.SubscriptionId);
        await using var fake = await FakeArmSession.StartAsync(world);

        var alone = await new LiveDiagnosis(fake.Session, KnowledgeBase.Default, SupportedCulture.English, () => FleetNow, bulkFromVms: int.MaxValue).DiagnoseAsync(subscription, new FailedJobQuery(), default);
        var aloneRequests = fake.Session.Requests.Count;
        fake.Session.Requests.Clear();
        var shared = await new LiveDiagnosis(fake.Session, KnowledgeBase.Default, SupportedCulture.English, () => FleetNow).DiagnoseAsync(subscription, new FailedJobQuery(), default);

        Assert.Empty(alone.Problems);
        Assert.Empty(shared.Problems);
        Assert.True(alone.Evidence.Count >= LiveDiagnosis.BulkFromVms, $"{alone.Evidence.Count} VMs");
        Assert.Equal(Comparable(alone), Comparable(shared));
        Assert.True(fake.Session.Requests.Count * 3 < aloneRequests, $"{fake.Session.Requests.Count} requests with shared lists, {aloneRequests} alone");

        var deleted = Assert.Single(shared.Diagnoses, d => string.Equals(d.VmId, gone, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("A12", deleted.KnowledgeId);
        Assert.Equal(CauseStatus.Confirmed, deleted.Causes[0].Status);
        var limit = Assert.Single(shared.Diagnoses, d => string.Equals(d.VmId, full, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(CauseStatus.Confirmed, Assert.Single(limit.Causes, c => c.Id == "collection-at-18").Status);
    }

    private static readonly DateTimeOffset FleetNow = WorldTime.Now;

    /// <summary>A generated fleet with about forty failing VMs (agent, extension), one deleted but protected VM and one full collection.</summary>
    private static ArmWorld SubscriptionOfFailures(out string gone, out string full)
    {
        var world = Fleet.Create(400, new FleetOptions { AgentNotReadyShare = 0.05, ExtensionFailedShare = 0.05 });
        var subscription = world.Subscriptions[0];
        var vault = world.AllRecoveryServicesVaults().First();
        var restorePoints = subscription.ResourceGroups.First(g => g.Name.StartsWith("AzureBackupRG_", StringComparison.Ordinal));
        var extra = subscription.AddResourceGroup("rg-extra", "eastus");
        gone = extra.Id + "/providers/Microsoft.Compute/virtualMachines/vm-gone";
        vault.Protect(gone);
        vault.AddJob(gone, "Backup", "Failed", FleetNow.AddHours(-6), FleetNow.AddHours(-5)).WithError(400094, "The virtual machine doesn't exist. An Azure virtual machine wasn't found.");
        var vm = extra.AddVirtualMachine("vm-full").WithBackupExtension();
        full = vm.Id;
        vault.Protect(full).WithLastBackup("Failed", FleetNow.AddHours(-5), "ActionRequired", "Unhealthy");
        vault.AddJob(full, "Backup", "Failed", FleetNow.AddHours(-6), FleetNow.AddHours(-5)).WithError(400262, "UserErrorRpCollectionLimitReached");
        restorePoints.AddRestorePointCollection("AzureBackup_vm-full_77", full).WithRestorePoints(18, FleetNow.AddDays(-1));
        return world.Link();
    }

    private static string[] Comparable(LiveDiagnosisResult result) =>
        result.Diagnoses
            .Select(d => $"{d.VmId}|{d.KnowledgeId}|{d.Status}|{d.Count}|" + string.Join(";", d.Causes.Select(c => $"{c.Id}={c.Status}:{string.Join(",", c.Evidence)}")))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    private static LiveDiagnosis Diagnose(FakeArmSession fake) =>
        new(fake.Session, KnowledgeBase.Default, SupportedCulture.English);
}
