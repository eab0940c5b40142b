using System;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Diagnosis;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests.Diagnosis;

/// <summary>Failed jobs read through Recovery Services: the filters the service applies, paging, scopes and the VM of each job.</summary>
public sealed class FailedJobSourceTests : IDisposable
{
    private const string SecondVault = A12World.Subscription + "/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-second";
    // The worlds are loaded as of an instant fixed here and the source is given a clock an hour later, so the filters'
    // exact times can be asserted whatever the calendar says.
    private static readonly DateTimeOffset AsOf = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = AsOf.AddHours(1);
    private readonly IDisposable _frozen = WorldTime.Freeze(AsOf);

    [Fact]
    public async Task The_service_filters_by_status_operation_and_start_time_window()
    {
        await using var fake = await FakeArmSession.StartAsync(A12World.Load());

        var read = await new FailedJobSource(fake.Session, () => Now).ReadAsync(FailedJobScope.Of(A12World.Vault), new FailedJobQuery { Operation = "Backup" }, default);

        Assert.Equal(
            [
                "backupManagementType eq 'AzureIaasVM' and operation eq 'Backup' and status eq 'CompletedWithWarnings' and startTime eq '2026-11-16 09:00:00 AM' and endTime eq '2026-11-23 09:00:00 AM'",
                "backupManagementType eq 'AzureIaasVM' and operation eq 'Backup' and status eq 'Failed' and startTime eq '2026-11-16 09:00:00 AM' and endTime eq '2026-11-23 09:00:00 AM'",
            ],
            JobListFilters(fake).Order(StringComparer.Ordinal));
        Assert.Equal(4, read.Jobs.Count);
        Assert.All(read.Jobs, job =>
        {
            Assert.Equal("Failed", job.Status);
            Assert.Equal(A12World.GoneVm, job.VmId, StringComparer.OrdinalIgnoreCase);
            Assert.Equal(A12World.Vault, job.VaultId, StringComparer.OrdinalIgnoreCase);
            var error = Assert.Single(job.Errors);
            Assert.Equal("400094", error.Code);
            Assert.Equal(["Stop protection of the virtual machine or restore it from an existing recovery point."], error.Recommendations);
        });
        Assert.Equal(read.Jobs.OrderByDescending(j => j.StartTime), read.Jobs);
        Assert.Empty(read.Problems);
    }

    [Fact]
    public async Task A_narrower_window_and_no_warnings_are_filtered_by_the_service()
    {
        await using var fake = await FakeArmSession.StartAsync(A12World.Load());
        var query = new FailedJobQuery { Since = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), Until = new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero), IncludeWarnings = false };

        var read = await new FailedJobSource(fake.Session, () => Now).ReadAsync(FailedJobScope.Of(A12World.Vault), query, default);

        Assert.Equal(
            ["backupManagementType eq 'AzureIaasVM' and status eq 'Failed' and startTime eq '2026-11-21 12:00:00 AM' and endTime eq '2026-11-21 11:00:00 PM'"],
            JobListFilters(fake));
        Assert.Equal(["2ffeb82b-e3ec-466e-84bf-70e20feb0b5b"], read.Jobs.Select(j => j.JobId));
    }

    [Fact]
    public async Task Every_page_of_the_job_list_is_read()
    {
        await using var fake = await FakeArmSession.StartAsync(A12World.Load(), new FakeArmOptions { PageSize = 2 });

        var read = await new FailedJobSource(fake.Session, () => Now).ReadAsync(FailedJobScope.Of(A12World.Vault), new FailedJobQuery { IncludeWarnings = false }, default);

        Assert.Equal(4, read.Jobs.Count);
        Assert.Equal(4, read.Jobs.Select(j => j.JobId).Distinct().Count());
        var pages = fake.Server.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/backupJobs", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Contains("skipToken", pages[1].Query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_job_id_is_looked_up_whatever_its_status_or_age()
    {
        await using var fake = await FakeArmSession.StartAsync(A12World.Load());
        var query = new FailedJobQuery { JobId = "57629d8c-5460-4ddd-bb79-202fdad88141" };

        var read = await new FailedJobSource(fake.Session, () => Now).ReadAsync(FailedJobScope.Of(A12World.Vault), query, default);

        Assert.Equal(["backupManagementType eq 'AzureIaasVM' and jobId eq '57629d8c-5460-4ddd-bb79-202fdad88141'"], JobListFilters(fake));
        var job = Assert.Single(read.Jobs);
        Assert.Equal("Completed", job.Status);
    }

    [Fact]
    public async Task A_subscription_scope_reads_every_vault_and_a_refused_vault_is_a_problem()
    {
        var world = A12World.Load();
        var second = world.FindResourceGroup(Scenarios.SubscriptionId, "rg-backup")!.AddRecoveryServicesVault("rsv-second");
        second.AddJob(A12World.OtherVm, "Backup", "Failed", Now.AddHours(-3), Now.AddHours(-2)).WithError(400141, "ExtensionStuckInDeletionState - Extension state is not supportive to backup operation.");
        var third = world.FindResourceGroup(Scenarios.SubscriptionId, "rg-backup")!.AddRecoveryServicesVault("rsv-third");
        third.AddJob(A12World.OtherVm, "Backup", "Failed", Now.AddHours(-5), Now.AddHours(-4));
        await using var fake = await FakeArmSession.StartAsync(world);
        fake.Server.Faults.Forbidden("GET", "/vaults/rsv-third/backupJobs$", "Microsoft.RecoveryServices/vaults/backupJobs/read");

        var read = await new FailedJobSource(fake.Session, () => Now).ReadAsync(FailedJobScope.Of(A12World.Subscription), new FailedJobQuery(), default);

        Assert.Equal(5, read.Jobs.Count);
        var other = Assert.Single(read.Jobs, j => j.WorkloadName == "vm-other12");
        Assert.Equal(SecondVault, other.VaultId, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(A12World.OtherVm, other.VmId, StringComparer.OrdinalIgnoreCase);
        var problem = Assert.Single(read.Problems);
        Assert.EndsWith("/vaults/rsv-third", problem.TargetId, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(403, problem.HttpStatus);
        Assert.Equal("Microsoft.RecoveryServices/vaults/backupJobs/read", problem.RefusedAction);
    }

    [Fact]
    public async Task A_vm_scope_keeps_only_that_vms_jobs_from_the_vault_its_backup_status_names()
    {
        var world = Scenarios.Load("B4-restore-point-limit");
        await using var fake = await FakeArmSession.StartAsync(world);

        var read = await new FailedJobSource(fake.Session, () => Now).ReadAsync(FailedJobScope.Of(world.VmUnderTest!), new FailedJobQuery(), default);

        Assert.Equal(2, read.Jobs.Count);
        Assert.All(read.Jobs, j => Assert.Equal(world.VmUnderTest, j.VmId, StringComparer.OrdinalIgnoreCase));
        Assert.Single(fake.Server.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/backupStatus", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_vm_that_no_vault_protects_is_a_problem_not_an_error()
    {
        var world = new ArmWorld();
        var group = world.AddSubscription(Scenarios.SubscriptionId).AddResourceGroup("rg-app", "eastus");
        var vm = group.AddVirtualMachine("vm-bare").WithBackupExtension();
        await using var fake = await FakeArmSession.StartAsync(world);

        var read = await new FailedJobSource(fake.Session, () => Now).ReadAsync(FailedJobScope.Of(vm.Id), new FailedJobQuery(), default);

        Assert.Empty(read.Jobs);
        var problem = Assert.Single(read.Problems);
        Assert.Equal(vm.Id, problem.TargetId, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("vm-bare is not protected", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_that_names_no_container_is_placed_by_the_vaults_protected_item_of_its_name()
    {
        var world = A12World.Load();
        var vault = world.AllRecoveryServicesVaults().Single();
        foreach (var job in vault.Jobs)
        {
            job.VirtualMachineId = null;
        }

        await using var fake = await FakeArmSession.StartAsync(world);

        var read = await new FailedJobSource(fake.Session, () => Now).ReadAsync(FailedJobScope.Of(A12World.Vault), new FailedJobQuery(), default);

        Assert.Equal(4, read.Jobs.Count);
        Assert.All(read.Jobs, j => Assert.Equal(A12World.GoneVm, j.VmId, StringComparer.OrdinalIgnoreCase));
        Assert.Single(fake.Server.Requests.Where(r => r.Path.EndsWith("/backupProtectedItems", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_scope_that_is_no_subscription_vault_or_vm_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => FailedJobScope.Of(A12World.Subscription + "/resourceGroups/rg-app"));
        Assert.Contains("neither a subscription", error.Message, StringComparison.Ordinal);
    }

    private static string[] JobListFilters(FakeArmSession fake) =>
        fake.Server.Requests
            .Where(r => r.Method == "GET" && r.Path.EndsWith("/backupJobs", StringComparison.Ordinal))
            .Select(r => Uri.UnescapeDataString(r.Query.TrimStart('?')).Split('&').Single(p => p.StartsWith("$filter=", StringComparison.Ordinal))["$filter=".Length..])
            .ToArray();

    public void Dispose() => _frozen.Dispose();
}
