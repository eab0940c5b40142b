using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.FakeArm.Tests;

public sealed class ResourceManagerRouteTests
{
    private const string Sub = "/subscriptions/" + Scenarios.SubscriptionId;

    [Fact]
    public async Task Metadata_endpoints_name_the_server_as_resource_manager_and_audience_without_a_token()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var anonymous = TestSupport.PinnedClient(server, withToken: false);

        var (status, body, _) = await anonymous.SendAsync(HttpMethod.Get, "metadata/endpoints?api-version=2022-09-01");
        Assert.Equal(200, status);
        var cloud = body!.AsArray().Single()!;
        Assert.Equal(server.Endpoint.ToString(), cloud.Str("resourceManager"));
        Assert.StartsWith("https://login.microsoftonline.com", cloud.Str("authentication.loginEndpoint"), StringComparison.Ordinal);
        Assert.Contains(server.Endpoint.ToString(), cloud.At("authentication.audiences")!.AsArray().Select(a => a!.GetValue<string>()));

        var (oldStatus, old, _) = await anonymous.SendAsync(HttpMethod.Get, "metadata/endpoints?api-version=2015-01-01");
        Assert.Equal(200, oldStatus);
        Assert.Equal(server.Endpoint.ToString(), old.Str("resourceManager"));
        Assert.NotNull(old.At("authentication.audiences"));
    }

    [Fact]
    public async Task Subscriptions_resource_groups_and_providers_have_arm_shapes()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);

        var subs = await client.GetJsonAsync("subscriptions?api-version=2022-12-01");
        var sub = subs["value"]!.AsArray().Single()!;
        Assert.Equal(Scenarios.SubscriptionId, sub.Str("subscriptionId"));
        Assert.Equal(Scenarios.TenantId, sub.Str("tenantId"));
        Assert.Equal("Enabled", sub.Str("state"));
        Assert.Equal(Sub, sub.Str("id"));

        var one = await client.GetJsonAsync("SUBSCRIPTIONS/" + Scenarios.SubscriptionId.ToUpperInvariant() + "?api-version=2022-12-01");
        Assert.Equal("Contoso Production", one.Str("displayName"));

        var rgs = await client.GetJsonAsync(Sub + "/resourcegroups?api-version=2022-09-01");
        Assert.Contains(rgs["value"]!.AsArray(), rg => rg.Str("name") == "AzureBackupRG_eastus_1");
        var rg = await client.GetJsonAsync(Sub + "/resourceGroups/RG-APP?api-version=2022-09-01");
        Assert.Equal("Microsoft.Resources/resourceGroups", rg.Str("type"));
        Assert.Equal("Succeeded", rg.Str("properties.provisioningState"));
        Assert.Equal(Sub + "/resourceGroups/rg-app", rg.Str("id"));

        var compute = await client.GetJsonAsync(Sub + "/providers/Microsoft.Compute?api-version=2022-09-01");
        Assert.Equal("Registered", compute.Str("registrationState"));
        var vmType = compute["resourceTypes"]!.AsArray().Single(t => t.Str("resourceType") == "virtualMachines")!;
        Assert.Contains("2023-07-01", vmType["apiVersions"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task The_generic_resource_list_filters_by_type_and_name_substring_as_arm_does()
    {
        var world = new ArmWorld();
        var subscription = world.AddSubscription(Scenarios.SubscriptionId);
        var app = subscription.AddResourceGroup("rg-app", "eastus");
        var web = app.AddVirtualMachine("web1");
        var web10 = app.AddVirtualMachine("web10");
        var backup = subscription.AddResourceGroup("AzureBackupRG_eastus_1", "eastus");
        backup.AddRestorePointCollection("AzureBackup_web1_111", web.Id);
        backup.AddRestorePointCollection("AzureBackup_web10_222", web10.Id);
        backup.AddRestorePointCollection("manual-points", web.Id);
        await using var server = await FakeArmServer.StartAsync(world);
        using var client = TestSupport.PinnedClient(server);
        const string List = "/subscriptions/" + Scenarios.SubscriptionId + "/resources?api-version=2022-09-01&$filter=";

        var named = await client.GetJsonAsync(List + Uri.EscapeDataString("resourceType eq 'Microsoft.Compute/restorePointCollections' and substringof('WEB1_', name)"));
        var only = Assert.Single(named["value"]!.AsArray());
        Assert.Equal("AzureBackup_web1_111", only.Str("name"));
        Assert.Equal("Microsoft.Compute/restorePointCollections", only.Str("type"));
        Assert.Equal(backup.Id + "/providers/Microsoft.Compute/restorePointCollections/AzureBackup_web1_111", only.Str("id"));
        Assert.Null(only!["properties"]);

        var collections = await client.GetJsonAsync(List + Uri.EscapeDataString("resourceType eq 'Microsoft.Compute/restorePointCollections'"));
        Assert.Equal(3, collections["value"]!.AsArray().Count);
        var vms = await client.GetJsonAsync(List + Uri.EscapeDataString("resourceType eq 'Microsoft.Compute/virtualMachines' and substringof('web1', name)"));
        Assert.Equal(["web1", "web10"], vms["value"]!.AsArray().Select(v => v.Str("name")).Order());

        var (status, body, _) = await client.SendAsync(HttpMethod.Get, List + Uri.EscapeDataString("tagName eq 'x' and substringof('a', location)"));
        Assert.Equal(400, status);
        Assert.Equal("InvalidFilterInQueryString", body.Str("error.code"));
    }

    [Fact]
    public async Task Unknown_things_answer_404_with_arm_error_bodies()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);

        var (s1, b1, _) = await client.SendAsync(HttpMethod.Get, Sub + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/nope?api-version=2023-07-01");
        Assert.Equal(404, s1);
        Assert.Equal("ResourceNotFound", b1.Str("error.code"));
        Assert.Contains("Microsoft.Compute/virtualMachines/nope", b1.Str("error.message"), StringComparison.Ordinal);

        var (s2, b2, _) = await client.SendAsync(HttpMethod.Get, Sub + "/resourceGroups/rg-missing/providers/Microsoft.Compute/virtualMachines/vm?api-version=2023-07-01");
        Assert.Equal(404, s2);
        Assert.Equal("ResourceGroupNotFound", b2.Str("error.code"));

        var (s3, b3, _) = await client.SendAsync(HttpMethod.Get, Sub + "/resourceGroups/rg-app/providers/Microsoft.Network/networkInterfaces/nic1?api-version=2023-05-01");
        Assert.Equal(404, s3);
        Assert.Equal("ResourceNotFound", b3.Str("error.code"));

        var (s4, b4, _) = await client.SendAsync(HttpMethod.Get, "/subscriptions/00000000-0000-0000-0000-000000000001/resourcegroups?api-version=2022-09-01");
        Assert.Equal(404, s4);
        Assert.Equal("SubscriptionNotFound", b4.Str("error.code"));

        var (s5, b5, _) = await client.SendAsync(HttpMethod.Get, "/totally/unknown?api-version=1");
        Assert.Equal(404, s5);
        Assert.Equal("ResourceNotFound", b5.Str("error.code"));
    }

    [Fact]
    public async Task Requests_without_a_bearer_token_get_401_and_are_recorded()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var anonymous = TestSupport.PinnedClient(server, withToken: false);

        var (status, body, resp) = await anonymous.SendAsync(HttpMethod.Get, Sub + "?api-version=2022-12-01");
        Assert.Equal(401, status);
        Assert.Equal("AuthenticationFailed", body.Str("error.code"));
        Assert.StartsWith("Bearer", resp.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        anonymous.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        var (basic, _, _) = await anonymous.SendAsync(HttpMethod.Get, Sub + "?api-version=2022-12-01");
        Assert.Equal(401, basic);

        var log = server.Requests.All;
        Assert.Equal(2, log.Count);
        Assert.All(log, r => Assert.False(r.HasAuthorization));
        Assert.All(log, r => Assert.Equal(401, r.Status));
        Assert.Equal("?api-version=2022-12-01", log[0].Query);
    }

    [Fact]
    public async Task Missing_api_version_is_a_400_like_arm()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);
        var (status, body, _) = await client.SendAsync(HttpMethod.Get, Sub);
        Assert.Equal(400, status);
        Assert.Equal("MissingApiVersionParameter", body.Str("error.code"));
    }

    [Fact]
    public async Task Request_log_records_method_path_query_body_status_and_time()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await client.SendAsync(HttpMethod.Post, Sub + "/providers/Microsoft.RecoveryServices/locations/eastus/backupStatus?api-version=2025-08-01",
            "{\"resourceId\":\"/x\",\"resourceType\":\"VM\"}");
        var r = Assert.Single(server.Requests.All);
        Assert.Equal("POST", r.Method);
        Assert.EndsWith("/backupStatus", r.Path, StringComparison.Ordinal);
        Assert.Equal("?api-version=2025-08-01", r.Query);
        Assert.Contains("resourceType", r.Body, StringComparison.Ordinal);
        Assert.Equal(200, r.Status);
        Assert.True(r.HasAuthorization);
        Assert.True(r.Timestamp >= before);
        Assert.Equal(1, server.Requests.Count(x => x.Method == "POST"));
        server.Requests.Clear();
        Assert.Equal(0, server.Requests.Total);
    }
}
