using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.FakeArm.Tests;

public sealed class AuthorizationRouteTests
{
    private const string Sub = "/subscriptions/" + Scenarios.SubscriptionId;
    private const string LockApi = "api-version=2016-09-01";
    private const string BackupRg = Sub + "/resourceGroups/AzureBackupRG_eastus_1";

    [Fact]
    public async Task Locks_list_at_subscription_resource_group_and_resource_scope()
    {
        var world = Scenarios.Load("B4-locked-restore-point-group");
        world.AddLock(Sub + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app24", "vm-readonly", ArmLockLevel.ReadOnly);
        await using var server = await FakeArmServer.StartAsync(world);
        using var client = TestSupport.PinnedClient(server);

        var atSub = await client.GetJsonAsync(Sub + "/providers/Microsoft.Authorization/locks?" + LockApi);
        Assert.Equal(2, atSub["value"]!.AsArray().Count);

        var atRg = await client.GetJsonAsync(BackupRg + "/providers/Microsoft.Authorization/locks?" + LockApi);
        var l = atRg["value"]!.AsArray().Single()!;
        Assert.Equal("backup-rg-do-not-delete", l.Str("name"));
        Assert.Equal("Microsoft.Authorization/locks", l.Str("type"));
        Assert.Equal(BackupRg + "/providers/Microsoft.Authorization/locks/backup-rg-do-not-delete", l.Str("id"));
        Assert.Equal("CanNotDelete", l.Str("properties.level"));
        Assert.Contains("platform team", l.Str("properties.notes"), StringComparison.Ordinal);
        Assert.Equal("4d7a1c2e-6b3f-4e8a-9c0d-1f2e3a4b5c6d", l.Str("properties.owners.0.applicationId"));

        // A collection inside the locked group inherits the lock: atScope() lists what applies at or above a scope.
        var rpc = server.World.AllRestorePointCollections().First(c => c.SourceVmId == server.World.VmUnderTest);
        var atRes = await client.GetJsonAsync(rpc.Id + "/providers/Microsoft.Authorization/locks?$filter=atScope()&" + LockApi);
        Assert.Equal("backup-rg-do-not-delete", atRes.Str("value.0.name"));

        var vmLocks = await client.GetJsonAsync(Sub + "/resourceGroups/rg-app/providers/Microsoft.Authorization/locks?" + LockApi);
        Assert.Equal("ReadOnly", vmLocks.Str("value.0.properties.level"));
        var other = await client.GetJsonAsync(Sub + "/resourceGroups/rg-legacy/providers/Microsoft.Authorization/locks?$filter=atScope()&" + LockApi);
        Assert.Empty(other["value"]!.AsArray());
    }

    [Fact]
    public async Task Locks_get_put_delete_at_every_level()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);
        string[] scopes = [Sub, Sub + "/resourceGroups/rg-app", Sub + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-win01"];
        foreach (var scope in scopes)
        {
            var url = scope + "/providers/Microsoft.Authorization/locks/test-lock?api-version=2020-05-01";
            var (missing, missingBody, _) = await client.SendAsync(HttpMethod.Get, url);
            Assert.Equal(404, missing);
            Assert.Equal("LockNotFound", missingBody.Str("error.code"));

            var (created, body, _) = await client.SendAsync(HttpMethod.Put, url, "{\"properties\":{\"level\":\"ReadOnly\",\"notes\":\"n1\",\"owners\":[{\"applicationId\":\"a1\"}]}}");
            Assert.Equal(201, created);
            Assert.Equal("ReadOnly", body.Str("properties.level"));
            Assert.Equal(scope + "/providers/Microsoft.Authorization/locks/test-lock", body.Str("id"));

            var (updated, body2, _) = await client.SendAsync(HttpMethod.Put, url, "{\"properties\":{\"level\":\"CanNotDelete\"}}");
            Assert.Equal(200, updated);
            Assert.Equal("CanNotDelete", body2.Str("properties.level"));

            var got = await client.GetJsonAsync(url);
            Assert.Equal("CanNotDelete", got.Str("properties.level"));

            var (deleted, _, _) = await client.SendAsync(HttpMethod.Delete, url);
            Assert.Equal(200, deleted);
            var (again, _, _) = await client.SendAsync(HttpMethod.Delete, url);
            Assert.Equal(204, again);
        }

        var (bad, badBody, _) = await client.SendAsync(HttpMethod.Put, Sub + "/providers/Microsoft.Authorization/locks/x?api-version=2020-05-01", "{\"properties\":{\"level\":\"Sometimes\"}}");
        Assert.Equal(400, bad);
        Assert.Equal("InvalidLockLevel", badBody.Str("error.code"));
        Assert.Empty(server.World.Locks);
    }

    [Fact]
    public async Task Policy_assignments_list_filter_and_definitions_carry_the_effect()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("A18-deny-policy"));
        using var client = TestSupport.PinnedClient(server);
        const string PolicyApi = "api-version=2022-06-01";

        var atSub = await client.GetJsonAsync(Sub + "/providers/Microsoft.Authorization/policyAssignments?" + PolicyApi);
        var assignments = atSub["value"]!.AsArray();
        Assert.Equal(3, assignments.Count);
        var rgDeny = assignments.Single(a => a.Str("name") == "deny-rg-naming")!;
        Assert.Equal("Microsoft.Authorization/policyAssignments", rgDeny.Str("type"));
        Assert.Equal(Sub, rgDeny.Str("properties.scope"));
        Assert.Equal("Deny", rgDeny.Str("properties.parameters.effect.value"));

        var atScope = await client.GetJsonAsync(Sub + "/providers/Microsoft.Authorization/policyAssignments?$filter=atScope()&" + PolicyApi);
        Assert.Equal(3, atScope["value"]!.AsArray().Count);
        var inRg = await client.GetJsonAsync(Sub + "/resourceGroups/rg-app/providers/Microsoft.Authorization/policyAssignments?$filter=atScope()&" + PolicyApi);
        Assert.Equal(3, inRg["value"]!.AsArray().Count);
        var exact = await client.GetJsonAsync(Sub + "/resourceGroups/rg-app/providers/Microsoft.Authorization/policyAssignments?$filter=atExactScope()&" + PolicyApi);
        Assert.Empty(exact["value"]!.AsArray());

        var custom = await client.GetJsonAsync(rgDeny.Str("properties.policyDefinitionId") + "?api-version=2021-06-01");
        Assert.Equal("Microsoft.Authorization/policyDefinitions", custom.Str("type"));
        Assert.Equal("[parameters('effect')]", custom.Str("properties.policyRule.then.effect"));
        Assert.Equal("Audit", custom.Str("properties.parameters.effect.defaultValue"));

        var tagAssignment = assignments.Single(a => a.Str("name") == "require-costcenter-on-rgs")!;
        var builtIn = await client.GetJsonAsync(tagAssignment.Str("properties.policyDefinitionId") + "?api-version=2021-06-01");
        Assert.Equal("deny", builtIn.Str("properties.policyRule.then.effect"));
        Assert.Equal("BuiltIn", builtIn.Str("properties.policyType"));

        var (missing, body, _) = await client.SendAsync(HttpMethod.Get, "/providers/Microsoft.Authorization/policyDefinitions/nope?api-version=2021-06-01");
        Assert.Equal(404, missing);
        Assert.Equal("PolicyDefinitionNotFound", body.Str("error.code"));
    }

    [Fact]
    public async Task Key_vault_shows_access_policies_and_rbac_mode_and_graph_resolves_the_backup_service()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("B5-keyvault-no-access"));
        using var client = TestSupport.PinnedClient(server);

        var kv = await client.GetJsonAsync(Sub + "/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/kv-ade-eastus?api-version=2023-07-01");
        Assert.Equal("Microsoft.KeyVault/vaults", kv.Str("type"));
        Assert.False(kv.At("properties.enableRbacAuthorization")!.GetValue<bool>());
        var policies = kv.At("properties.accessPolicies")!.AsArray();
        Assert.Equal(2, policies.Count);
        Assert.Contains("Get", policies[0].At("permissions.secrets")!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(Scenarios.TenantId, policies[0].Str("tenantId"));
        Assert.Equal("https://kv-ade-eastus.vault.azure.net/", kv.Str("properties.vaultUri"));

        var sp = await client.GetJsonAsync("/v1.0/servicePrincipals(appId='" + ArmWorld.BackupManagementServiceAppId + "')");
        Assert.Equal(ArmWorld.DefaultBackupManagementServiceObjectId, sp.Str("id"));
        Assert.DoesNotContain(policies, p => p.Str("objectId") == sp.Str("id"));

        var byFilter = await client.GetJsonAsync("/v1.0/servicePrincipals?$filter=appId eq '" + ArmWorld.BackupManagementServiceAppId + "'");
        Assert.Equal("Backup Management Service", byFilter.Str("value.0.displayName"));
    }
}
