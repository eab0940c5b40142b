using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Collection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests.Collection;

public class VmEvidenceCollectorTests
{
    [Fact]
    public async Task Collects_a_protected_vm_with_its_collections_locks_protection_and_jobs()
    {
        var (world, vm, vault, backupGroup) = TestWorlds.Protected();
        await using var fake = await FakeArmSession.StartAsync(world);

        var evidence = await new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(vm), default);

        Assert.Empty(evidence.Gaps);
        Assert.True(evidence.Exists);
        Assert.Equal(TestWorlds.Location, evidence.Location);
        Assert.Equal("Windows", evidence.OsType);
        Assert.Equal("running", evidence.PowerState);
        Assert.Equal("succeeded", evidence.ProvisioningState);
        Assert.True(evidence.ProvisionVmAgent);
        Assert.NotNull(evidence.Agent?.Version);
        var backupExtension = Assert.Single(evidence.Extensions!, e => e.IsBackupExtension);
        Assert.Equal("Succeeded", backupExtension.ProvisioningState);
        Assert.Equal(2, evidence.Disks!.Count);
        Assert.Contains(evidence.Disks, d => !d.IsOsDisk && d.SizeGb == 256 && d.IsManaged);
        Assert.False(evidence.Encryption!.IsEncrypted);

        var collection = Assert.Single(evidence.RestorePointCollections!);
        Assert.Equal("AzureBackup_vm-app-01_1234", collection.Name);
        Assert.Equal(18, collection.RestorePointCount);
        Assert.Equal(backupGroup.Name, collection.ResourceGroupName);

        Assert.Contains(evidence.Locks!, l => l.Name == "keep-backup-rg" && l.Level == "CanNotDelete" && l.Notes == "do not delete" && !l.Inherited);
        Assert.Contains(evidence.Locks!, l => l.Name == "sub-readonly" && l.Inherited && l.ResourceGroupName == backupGroup.Name);

        Assert.Equal("Protected", evidence.Protection!.ProtectionStatus);
        Assert.Equal(vault.Id, evidence.Protection.VaultId, StringComparer.OrdinalIgnoreCase);
        Assert.NotNull(evidence.Protection.ProtectedItemId);

        var job = Assert.Single(evidence.RecentJobs!);
        Assert.Equal("Failed", job.Status);
        Assert.Equal(vm.Name, job.WorkloadName);
        var error = Assert.Single(job.Errors);
        Assert.Equal("400262", error.Code);
        Assert.Equal("UserErrorRpCollectionLimitReached", error.Message);
        Assert.Empty(evidence.DenyPolicies!);
    }

    [Fact]
    public async Task Reads_in_two_dependent_rounds()
    {
        var (world, vm, _, _) = TestWorlds.Protected();
        var gate = new RequestGate();
        await using var fake = await FakeArmSession.StartAsync(world, new FakeArmOptions { Gate = gate });
        var collector = new VmEvidenceCollector(fake.Session);

        // A first collection warms the session's caches; the second, with the gate open, says how many requests one sends.
        await collector.CollectAsync(TestWorlds.IdentityOf(vm), default);
        fake.Session.Requests.Clear();
        await collector.CollectAsync(TestWorlds.IdentityOf(vm), default);
        var total = fake.Session.Requests.Snapshot().Count;
        fake.Session.Requests.Clear();

        // With the gate closed, the first round is held whole, and once it is answered the whole second round is held:
        // a collector that waited for one answer before its next request would never get there.
        gate.Closed = true;
        var collecting = collector.CollectAsync(TestWorlds.IdentityOf(vm), default);
        var first = await gate.WaitForHeldAsync(5);
        gate.ReleaseHeld();
        var second = await gate.WaitForHeldAsync(total - 5);
        gate.Closed = false;
        gate.ReleaseHeld();
        await collecting;

        Assert.Contains(first, r => r.StartsWith("GET ", StringComparison.Ordinal) && r.EndsWith(vm.Id, StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(second);
        Assert.Equal(total, fake.Session.Requests.Snapshot().Count);
        Assert.DoesNotContain(fake.Session.Requests.Snapshot(), r => r.Status >= 400);
    }

    [Fact]
    public async Task Reads_no_more_in_a_subscription_of_hundreds_of_protected_vms_than_in_a_small_one()
    {
        var small = await RequestsForOneVmAsync(extraVms: 0);
        var large = await RequestsForOneVmAsync(extraVms: 300);

        // Pages of 10: any subscription-wide or vault-wide list would take dozens of pages in the large world.
        Assert.Equal(small.Count, large.Count);
        Assert.DoesNotContain(large, path => path.EndsWith("/providers/Microsoft.Compute/restorePointCollections", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(large, path => path.EndsWith("/resources", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<IReadOnlyList<string>> RequestsForOneVmAsync(int extraVms)
    {
        var (world, vm, vault, backupGroup) = TestWorlds.Protected();
        var fleet = world.Subscriptions[0].AddResourceGroup("rg-fleet", TestWorlds.Location);
        for (var i = 0; i < extraVms; i++)
        {
            var other = fleet.AddVirtualMachine($"vm-fleet-{i:D3}").WithBackupExtension();
            vault.Protect(other.Id);
            backupGroup.AddRestorePointCollection($"AzureBackup_vm-fleet-{i:D3}_{i}", other.Id).WithRestorePoints(2);
        }

        await using var fake = await FakeArmSession.StartAsync(world, new FakeArmOptions { PageSize = 10 });
        var evidence = await new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(vm), default);

        Assert.Empty(evidence.Gaps);
        Assert.Equal(18, Assert.Single(evidence.RestorePointCollections!).RestorePointCount);
        Assert.NotNull(evidence.Protection?.ProtectedItemId);
        return fake.Server.Requests.All.Where(r => !r.Path.EndsWith("/metadata/endpoints", StringComparison.Ordinal)).Select(r => r.Path).ToList();
    }

    [Fact]
    public async Task A_vm_that_arm_does_not_know_is_evidence_that_it_does_not_exist()
    {
        var (world, vm, vault, _) = TestWorlds.Protected();
        var deleted = TestWorlds.IdentityOf(vm.Id.Replace("vm-app-01", "vm-gone", StringComparison.Ordinal), "rg-app", "vm-gone");
        vault.Protect(deleted.ResourceId);
        await using var fake = await FakeArmSession.StartAsync(world);

        var evidence = await new VmEvidenceCollector(fake.Session).CollectAsync(deleted, default);

        Assert.False(evidence.Exists);
        Assert.Empty(evidence.Gaps);
        Assert.Null(evidence.Extensions);
        Assert.Null(evidence.DenyPolicies);
        Assert.NotNull(evidence.Protection?.ProtectedItemId);
    }

    [Fact]
    public async Task A_refused_part_becomes_a_gap_and_the_rest_is_still_read()
    {
        var (world, vm, _, _) = TestWorlds.Protected();
        await using var fake = await FakeArmSession.StartAsync(world);
        fake.Server.Faults.Forbidden("GET", "/providers/Microsoft.Authorization/locks$", "Microsoft.Authorization/locks/read");

        var evidence = await new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(vm), default);

        var gap = Assert.Single(evidence.Gaps);
        Assert.Equal(EvidencePart.Locks, gap.Part);
        Assert.Equal(403, gap.HttpStatus);
        Assert.Contains("Microsoft.Authorization/locks/read", gap.Reason, StringComparison.Ordinal);
        Assert.Null(evidence.Locks);
        Assert.NotNull(evidence.RestorePointCollections);
        Assert.NotNull(evidence.Protection);
    }

    [Fact]
    public async Task A_refused_vm_read_names_the_refused_action_and_never_the_token()
    {
        var (world, vm, _, _) = TestWorlds.Protected();
        await using var fake = await FakeArmSession.StartAsync(world);
        fake.Server.Faults.Forbidden("GET", "/virtualMachines/vm-app-01$", "Microsoft.Compute/virtualMachines/read");

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(vm), default));

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthorizationFailed", error.ErrorCode);
        Assert.Equal("Microsoft.Compute/virtualMachines/read", error.RefusedAction);
        Assert.Contains("Microsoft.Compute/virtualMachines/read", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeArmSession.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_with_retry_after_is_waited_out()
    {
        var (world, vm, _, _) = TestWorlds.Protected();
        await using var fake = await FakeArmSession.StartAsync(world);
        fake.Server.Faults.TooManyRequests("GET", "/virtualMachines/vm-app-01$", retryAfterSeconds: 1, times: 1);

        var evidence = await new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(vm), default);

        Assert.Empty(evidence.Gaps);
        var vmReads = fake.Server.Requests.Where(r => r.Path.EndsWith("/virtualMachines/vm-app-01", StringComparison.OrdinalIgnoreCase));
        Assert.Equal([429, 200], vmReads.Select(r => r.Status));
    }

    [Fact]
    public async Task A_server_error_is_retried_until_it_succeeds()
    {
        var (world, vm, _, _) = TestWorlds.Protected();
        await using var fake = await FakeArmSession.StartAsync(world);
        fake.Server.Faults.Respond("GET", "/backupJobs$", 500, "InternalServerError", times: 2);

        var evidence = await new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(vm), default);

        Assert.Empty(evidence.Gaps);
        Assert.Single(evidence.RecentJobs!);
        Assert.Equal(2, fake.Server.Requests.Count(r => r.Status == 500));
    }

    [Fact]
    public async Task A_part_failing_after_every_retry_is_a_gap_without_the_token()
    {
        var (world, vm, _, _) = TestWorlds.Protected();
        await using var fake = await FakeArmSession.StartAsync(world);
        fake.Server.Faults.Respond(null, "/backupStatus$", 500, "InternalServerError", "backend down");

        var evidence = await new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(vm), default);

        var gap = Assert.Single(evidence.Gaps);
        Assert.Equal(EvidencePart.Protection, gap.Part);
        Assert.Equal(500, gap.HttpStatus);
        Assert.DoesNotContain(FakeArmSession.Token, gap.Reason, StringComparison.Ordinal);
        Assert.Null(evidence.Protection?.ProtectionStatus);
        Assert.NotNull(evidence.Protection?.ProtectedItemId);
    }

    [Fact]
    public async Task The_custom_endpoints_metadata_decides_the_token_audience()
    {
        var (world, _, _, _) = TestWorlds.Protected();
        await using var fake = await FakeArmSession.StartAsync(world);

        await new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(world.AllVirtualMachines().First()), default);

        Assert.Equal(fake.Server.Endpoint, fake.Session.ResourceManagerEndpoint);
        Assert.Contains(fake.Server.Requests.All, r => r.Path.EndsWith("/metadata/endpoints", StringComparison.Ordinal) && !r.HasAuthorization);
        Assert.Contains(fake.Server.Endpoint.AbsoluteUri.TrimEnd('/') + "/.default", fake.RequestedScopes);
        Assert.All(fake.Server.Requests.All.Where(r => !r.Path.EndsWith("/metadata/endpoints", StringComparison.Ordinal)), r => Assert.True(r.HasAuthorization));
    }

    [Fact]
    public async Task An_encrypted_vm_is_judged_against_the_backup_services_key_vault_access()
    {
        var world = new ArmWorld();
        var subscription = world.AddSubscription(TestWorlds.SubscriptionId);
        var group = subscription.AddResourceGroup("rg-sec", TestWorlds.Location);
        var granted = group.AddKeyVault("kv-granted").WithBackupAccessPolicy(ArmWorld.DefaultBackupManagementServiceObjectId);
        var bare = group.AddKeyVault("kv-bare");
        var good = group.AddVirtualMachine("vm-good").WithBackupExtension().WithAzureDiskEncryption(granted);
        var bad = group.AddVirtualMachine("vm-bad").WithBackupExtension().WithAzureDiskEncryption(bare, useKek: false);
        world.WithServicePrincipal(ArmWorld.BackupManagementServiceAppId, ArmWorld.DefaultBackupManagementServiceObjectId, "Backup Management Service");
        await using var fake = await FakeArmSession.StartAsync(world);
        var collector = new VmEvidenceCollector(fake.Session);

        var goodEvidence = await collector.CollectAsync(TestWorlds.IdentityOf(good), default);
        var badEvidence = await collector.CollectAsync(TestWorlds.IdentityOf(bad), default);

        Assert.Empty(goodEvidence.Gaps);
        Assert.True(goodEvidence.Encryption!.IsEncrypted);
        Assert.True(goodEvidence.Encryption.UsesKeyEncryptionKey);
        Assert.Equal([granted.Id], goodEvidence.Encryption.KeyVaultIds, StringComparer.OrdinalIgnoreCase);
        Assert.True(goodEvidence.Encryption.BackupServiceHasKeyVaultAccess);
        Assert.All(goodEvidence.Disks!, d => Assert.True(d.AdeEncrypted));

        Assert.True(badEvidence.Encryption!.IsEncrypted);
        Assert.False(badEvidence.Encryption.UsesKeyEncryptionKey);
        Assert.False(badEvidence.Encryption.BackupServiceHasKeyVaultAccess);
    }

    [Fact]
    public async Task Deny_policies_that_apply_at_the_vm_are_read_with_their_target()
    {
        var (world, vm, _, _) = TestWorlds.Protected();
        var subscription = "/subscriptions/" + TestWorlds.SubscriptionId;
        var tagRule = new System.Text.Json.Nodes.JsonObject
        {
            ["allOf"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["field"] = "type", ["equals"] = "Microsoft.Resources/subscriptions/resourceGroups" },
                new System.Text.Json.Nodes.JsonObject { ["field"] = "tags['costCenter']", ["exists"] = "false" }),
        };
        var denyTags = world.AddPolicyDefinition(ArmPolicyDefinition.WithLiteralEffect("require-cost-center", "Require costCenter on groups", tagRule, "Deny", subscription));
        var audit = world.AddPolicyDefinition(ArmPolicyDefinition.WithLiteralEffect("audit-location", "Audit location", new System.Text.Json.Nodes.JsonObject { ["field"] = "location", ["equals"] = "eastus" }, "Audit", subscription));
        world.AddPolicyAssignment(subscription, "deny-tags", denyTags, "Deny groups without costCenter");
        world.AddPolicyAssignment(subscription, "audit-location", audit);
        await using var fake = await FakeArmSession.StartAsync(world);

        var evidence = await new VmEvidenceCollector(fake.Session).CollectAsync(TestWorlds.IdentityOf(vm), default);

        Assert.Empty(evidence.Gaps);
        var policy = Assert.Single(evidence.DenyPolicies!);
        Assert.Equal("Deny", policy.Effect);
        Assert.Equal("Deny groups without costCenter", policy.DisplayName);
        Assert.Equal(subscription, policy.Scope, StringComparer.OrdinalIgnoreCase);
        Assert.True(policy.TargetsResourceGroupsOrTags);
    }
}
