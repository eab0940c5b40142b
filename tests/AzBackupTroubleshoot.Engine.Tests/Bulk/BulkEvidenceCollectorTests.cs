using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Collection.Bulk;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests.Bulk;

public class BulkEvidenceCollectorTests
{
    private static readonly string[] NotRunning = ["vm-deallocated", "vm-stopped", "vm-deallocated-new", "vm-deallocated-old"];

    [Fact]
    public async Task Reading_every_vm_gives_the_same_evidence_as_the_single_vm_collector()
    {
        var world = BulkWorlds.Mixed();
        await using var fake = await FakeArmSession.StartAsync(world);

        var scan = await BulkScanRun.ScanAsync(fake.Session, new BulkCollectionOptions { PerVmReads = PerVmReads.All }, BulkWorlds.SubscriptionId);

        Assert.Empty(scan.Problems);
        Assert.Equal(world.AllVirtualMachines().Count(), scan.Evidence.Count);
        var single = new VmEvidenceCollector(fake.Session);
        foreach (var vm in world.AllVirtualMachines())
        {
            var expected = await single.CollectAsync(new VmIdentity(vm.Id, BulkWorlds.SubscriptionId, vm.ResourceGroup!.Name, vm.Name), default);
            Assert.Equal(BulkScanRun.Comparable(expected), BulkScanRun.Comparable(scan.Evidence[vm.Id]));
        }
    }

    [Fact]
    public async Task A_lean_scan_differs_from_the_single_vm_collector_only_where_it_says_so()
    {
        var world = BulkWorlds.Mixed();

        // Pages of 8: four stopped or deallocated VMs outnumber the statusOnly list's pages, so they come from the model list.
        await using var fake = await FakeArmSession.StartAsync(world, new FakeArmOptions { PageSize = 8 });

        var scan = await BulkScanRun.ScanAsync(fake.Session, new BulkCollectionOptions { LeanRestorePointCount = true }, BulkWorlds.SubscriptionId);

        Assert.Empty(scan.Problems);
        var single = new VmEvidenceCollector(fake.Session);
        foreach (var vm in world.AllVirtualMachines())
        {
            var bulk = scan.Evidence[vm.Id];
            var expected = await single.CollectAsync(new VmIdentity(vm.Id, BulkWorlds.SubscriptionId, vm.ResourceGroup!.Name, vm.Name), default);
            var notCounted = bulk.Gaps.Any(g => g.Part == EvidencePart.RestorePoints);
            var fromList = NotRunning.Contains(vm.Name);
            Assert.Equal(fromList, bulk.Gaps.Any(g => g.Part == EvidencePart.Extensions));
            Assert.Equal(expected.Protection?.VaultId, bulk.Protection?.VaultId, StringComparer.OrdinalIgnoreCase);
            var documented = expected with
            {
                // The status API spells the vault's id its own way (the item list spells it as the vault list does) and
                // says "Success" as the error code of a protected VM; a lean scan takes "Protected" from the item.
                Protection = expected.Protection is { } protection
                    ? protection with { VaultId = bulk.Protection?.VaultId, ErrorCode = protection.ProtectionStatus == "Protected" ? null : protection.ErrorCode }
                    : null,
                // The agent reports only while the VM runs: a VM read from the list has no agent section.
                Agent = fromList ? null : expected.Agent,
                Extensions = fromList ? null : expected.Extensions,
                Encryption = fromList && expected.Encryption is { IsEncrypted: false } ? null : expected.Encryption,
                RestorePointCollections = notCounted ? expected.RestorePointCollections!.Select(c => c with { RestorePointCount = null }).ToArray() : expected.RestorePointCollections,
                Gaps = bulk.Gaps,
            };
            Assert.Equal(BulkScanRun.Comparable(documented), BulkScanRun.Comparable(bulk));
            Assert.All(bulk.Gaps, g => Assert.Contains(g.Part, new[] { EvidencePart.Extensions, EvidencePart.Encryption, EvidencePart.RestorePoints }));
        }

        // Collections are counted where they could be full: a failure that a full collection explains, stopped
        // protection. The agent and extension failures have documented causes of their own.
        string[] counted = ["vm-rp-full", "vm-paused"];
        foreach (var vm in world.AllVirtualMachines().Where(vm => world.AllRestorePointCollections().Any(c => c.SourceVmId == vm.Id)))
        {
            Assert.Equal(counted.Contains(vm.Name), scan.Evidence[vm.Id].RestorePointCollections!.All(c => c.RestorePointCount != null));
        }

        Assert.Equal(18, Assert.Single(scan.Evidence[Id(world, "vm-rp-full")].RestorePointCollections!).RestorePointCount);
        Assert.Equal("deallocated", scan.Evidence[Id(world, "vm-deallocated")].PowerState);
        Assert.Equal("stopped", scan.Evidence[Id(world, "vm-stopped")].PowerState);
        Assert.Equal("failed", scan.Evidence[Id(world, "vm-provisioning")].ProvisioningState);
    }

    [Fact]
    public async Task A_lean_scan_reads_each_list_once_and_only_running_vms_one_by_one()
    {
        var world = BulkWorlds.Mixed();
        await using var fake = await FakeArmSession.StartAsync(world, new FakeArmOptions { PageSize = 8 });
        fake.Session.Requests.Clear();

        var scan = await BulkScanRun.ScanAsync(fake.Session, new BulkCollectionOptions { LeanRestorePointCount = true }, BulkWorlds.SubscriptionId);

        var requests = fake.Session.Requests.Snapshot();
        Assert.Equal(world.AllVirtualMachines().Count(), scan.Evidence.Count);
        Assert.DoesNotContain(requests, r => r.Status >= 400);
        Assert.DoesNotContain(requests, r => r.Method == "POST");

        // Each list is started once (next pages carry a skip token): once per subscription, or once per vault.
        int Started(string pathEnd, Func<string, bool>? query = null) =>
            requests.Count(r => r.Path.EndsWith(pathEnd, StringComparison.OrdinalIgnoreCase)
                && !r.Query.Contains("skiptoken", StringComparison.OrdinalIgnoreCase)
                && (query == null || query(r.Query)));
        Assert.Equal(1, Started("/providers/Microsoft.Authorization/locks"));
        Assert.Equal(1, Started("/providers/Microsoft.Compute/restorePointCollections"));
        Assert.Equal(1, Started("/providers/Microsoft.RecoveryServices/vaults"));
        Assert.Equal(1, Started("/providers/Microsoft.Authorization/policyAssignments"));
        Assert.Equal(2, Started("/backupProtectedItems"));
        Assert.Equal(4, Started("/backupJobs"));
        Assert.Equal(1, Started("/providers/Microsoft.Compute/virtualMachines", q => q.Contains("statusOnly=true", StringComparison.OrdinalIgnoreCase)));

        // 17 VMs in pages of 8: three pages of each VM list; the model list only for the four VMs that do not run.
        Assert.Equal(3, requests.Count(r => r.Path.EndsWith("/providers/Microsoft.Compute/virtualMachines", StringComparison.OrdinalIgnoreCase) && r.Query.Contains("statusOnly", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(3, requests.Count(r => r.Path.EndsWith("/providers/Microsoft.Compute/virtualMachines", StringComparison.OrdinalIgnoreCase) && !r.Query.Contains("statusOnly", StringComparison.OrdinalIgnoreCase)));
        foreach (var vm in world.AllVirtualMachines())
        {
            var ownReads = requests.Count(r => r.Path.Equals(new Uri(vm.Id, UriKind.Relative).OriginalString, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(NotRunning.Contains(vm.Name) ? 0 : 1, ownReads);
        }

        // Restore points counted for the two VMs whose collections could be at the limit; one Key Vault and Graph for the encrypted VM.
        Assert.Equal(2, requests.Count(r => r.Path.Contains("/restorePointCollections/", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(1, requests.Count(r => r.Path.Contains("/Microsoft.KeyVault/vaults/", StringComparison.OrdinalIgnoreCase)));
        var vmCount = world.AllVirtualMachines().Count();
        Assert.True(requests.Count < 3 * vmCount, $"{requests.Count} requests for {vmCount} VMs");

        var last = scan.Progress[^1];
        Assert.Equal(vmCount, last.VmsFound);
        Assert.Equal(vmCount, last.VmsDone);
        Assert.Equal(0, last.Problems);
    }

    [Fact]
    public async Task Results_stream_while_the_scan_still_reads()
    {
        var world = BulkWorlds.Mixed();
        await using var fake = await FakeArmSession.StartAsync(world);
        var collector = new BulkEvidenceCollector(fake.Session, new BulkCollectionOptions { MaxConcurrentVms = 1 });
        int? requestsAtFirstResult = null;

        await foreach (var result in collector.CollectAsync([BulkWorlds.SubscriptionId]))
        {
            requestsAtFirstResult ??= fake.Session.Requests.Count;
        }

        Assert.True(requestsAtFirstResult < fake.Session.Requests.Count, $"{requestsAtFirstResult} of {fake.Session.Requests.Count} requests sent when the first VM was ready");
    }

    [Fact]
    public async Task A_forbidden_resource_group_vault_or_vm_is_a_problem_and_the_scan_goes_on()
    {
        var world = BulkWorlds.Mixed();
        await using var fake = await FakeArmSession.StartAsync(world);
        var healthy = Id(world, "vm-healthy");
        fake.Server.Faults.Forbidden("GET", "/resourceGroups/rg-data/providers/Microsoft.Compute/virtualMachines$", "Microsoft.Compute/virtualMachines/read");
        fake.Server.Faults.Forbidden("GET", "/vaults/rsv-eus/backupProtectedItems$", "Microsoft.RecoveryServices/vaults/backupProtectedItems/read");
        fake.Server.Faults.Forbidden("GET", "/virtualMachines/vm-healthy$", "Microsoft.Compute/virtualMachines/read");

        var scan = await BulkScanRun.ScanAsync(
            fake.Session,
            new BulkCollectionOptions(),
            BulkWorlds.Subscription + "/resourceGroups/rg-app",
            BulkWorlds.Subscription + "/resourceGroups/rg-data",
            BulkWorlds.Subscription + "/resourceGroups/rg-east");

        Assert.Equal(3, scan.Problems.Count);
        Assert.All(scan.Problems, p => Assert.Equal(403, p.HttpStatus));
        Assert.Contains(scan.Problems, p => p.TargetId.EndsWith("/resourceGroups/rg-data", StringComparison.OrdinalIgnoreCase) && p.RefusedAction == "Microsoft.Compute/virtualMachines/read");
        Assert.Contains(scan.Problems, p => p.TargetId.EndsWith("/vaults/rsv-eus", StringComparison.OrdinalIgnoreCase) && p.Part == EvidencePart.Protection);
        Assert.Contains(scan.Problems, p => p.TargetId == healthy && p.Part == EvidencePart.Vm);

        var others = world.FindResourceGroup(BulkWorlds.SubscriptionId, "rg-app")!.VirtualMachines.Where(vm => vm.Id != healthy).ToArray();
        Assert.Equal(others.Length + 1, scan.Evidence.Count);
        Assert.All(others, vm => Assert.DoesNotContain(scan.Evidence[vm.Id].Gaps, g => g.Part == EvidencePart.Protection));
        var east = scan.Evidence[Id(world, "vm-east")];
        Assert.Null(east.Protection);
        Assert.Contains(east.Gaps, g => g.Part == EvidencePart.Protection && g.HttpStatus == 403);
    }

    [Fact]
    public async Task Throttled_reads_are_waited_out_and_no_vm_fails()
    {
        var world = BulkWorlds.Mixed();
        await using var fake = await FakeArmSession.StartAsync(
            world,
            new FakeArmOptions { Throttle = new ThrottleOptions { Capacity = 10, RefillPerSecond = 20 } },
            options =>
            {
                options.ReadBurstPerSubscription = 0;
                options.MaxRetries = 10;
            });

        var scan = await BulkScanRun.ScanAsync(fake.Session, new BulkCollectionOptions(), BulkWorlds.SubscriptionId);

        Assert.True(fake.Server.Faults.TooManyRequestsSent > 0, "the fake ARM throttled");
        Assert.Empty(scan.Problems);
        Assert.Equal(world.AllVirtualMachines().Count(), scan.Evidence.Count);
        Assert.All(scan.Evidence.Values, e => Assert.All(e.Gaps, g => Assert.NotEqual(429, g.HttpStatus)));
    }

    [Fact]
    public async Task The_read_budget_keeps_a_scan_under_arms_read_limit()
    {
        var world = BulkWorlds.Mixed();

        // The client's bucket is a little smaller than ARM's: the few reads it does not count (metadata, Graph) fit in the difference.
        await using var fake = await FakeArmSession.StartAsync(
            world,
            new FakeArmOptions { Throttle = new ThrottleOptions { Capacity = 25, RefillPerSecond = 20 } },
            options =>
            {
                options.ReadBurstPerSubscription = 20;
                options.ReadsPerSecondPerSubscription = 20;
            });

        var scan = await BulkScanRun.ScanAsync(fake.Session, new BulkCollectionOptions(), BulkWorlds.SubscriptionId);

        Assert.True(fake.Session.Requests.Count > 25, "more reads than the bucket holds");
        Assert.Equal(0, fake.Server.Faults.TooManyRequestsSent);
        Assert.Empty(scan.Problems);
        Assert.Equal(world.AllVirtualMachines().Count(), scan.Evidence.Count);
    }

    [Theory]
    [InlineData("/subscriptions/s/resourceGroups/rg-app", "/subscriptions/s/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1", true)]
    [InlineData("/subscriptions/s", "/subscriptions/s/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1", true)]
    [InlineData("/subscriptions/s/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1", "/subscriptions/s/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1", true)]
    [InlineData("/providers/Microsoft.Management/managementGroups/contoso", "/subscriptions/s/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1", true)]
    [InlineData("/subscriptions/s/resourceGroups/rg-app2", "/subscriptions/s/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1", false)]
    [InlineData("/subscriptions/s/resourceGroups/rg", "/subscriptions/s/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1", false)]
    [InlineData("/subscriptions/s/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm2", "/subscriptions/s/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1", false)]
    public void A_policy_assignment_applies_at_its_scope_and_below_it(string scope, string vmId, bool applies) =>
        Assert.Equal(applies, DenyPolicyIndex.AppliesAt(scope, vmId));

    private static string Id(ArmWorld world, string vmName) => world.AllVirtualMachines().Single(vm => vm.Name == vmName).Id;
}
