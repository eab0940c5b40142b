using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.FakeArm.Tests;

public sealed class RecoveryServicesRouteTests
{
    private const string Sub = "/subscriptions/" + Scenarios.SubscriptionId;
    private const string Vault = Sub + "/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-eastus";
    private const string Api = "api-version=2025-08-01";

    [Fact]
    public async Task Vaults_list_and_get()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);

        var inSub = await client.GetJsonAsync(Sub + "/providers/Microsoft.RecoveryServices/vaults?" + Api);
        Assert.Equal(Vault, inSub.Str("value.0.id"));
        Assert.Equal("Microsoft.RecoveryServices/vaults", inSub.Str("value.0.type"));
        var inRg = await client.GetJsonAsync(Sub + "/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults?" + Api);
        Assert.Single(inRg["value"]!.AsArray());
        var one = await client.GetJsonAsync(Vault + "?" + Api);
        Assert.Equal("Standard", one.Str("sku.name"));
        Assert.Equal("Succeeded", one.Str("properties.provisioningState"));
        Assert.Equal("eastus", one.Str("location"));
    }

    [Fact]
    public async Task Backup_status_reports_protection_of_a_vm()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);
        var url = Sub + "/providers/Microsoft.RecoveryServices/locations/eastus/backupStatus?" + Api;

        var (status, body, _) = await client.SendAsync(HttpMethod.Post, url, "{\"resourceId\":\"" + server.World.VmUnderTest + "\",\"resourceType\":\"VM\"}");
        Assert.Equal(200, status);
        Assert.Equal("Protected", body.Str("protectionStatus"));
        Assert.Equal(Vault.Replace("/vaults/", "/Vaults/", StringComparison.Ordinal), body.Str("vaultId"));
        Assert.Equal("Azure", body.Str("fabricName"));
        Assert.Equal("iaasvmcontainer;iaasvmcontainerv2;rg-app;vm-win01", body.Str("containerName"));
        Assert.Equal("vm;iaasvmcontainerv2;rg-app;vm-win01", body.Str("protectedItemName"));

        var (s2, other, _) = await client.SendAsync(HttpMethod.Post, url, "{\"resourceId\":\"" + Sub + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/unprotected\",\"resourceType\":\"VM\"}");
        Assert.Equal(200, s2);
        Assert.Equal("NotProtected", other.Str("protectionStatus"));
        Assert.Null(other!["vaultId"]);

        server.World.Update(w => w.SetBackupStatus(w.VmUnderTest!, "ProtectionFailed", "UserErrorSomething", "It failed."));
        var (_, overridden, _) = await client.SendAsync(HttpMethod.Post, url, "{\"resourceId\":\"" + server.World.VmUnderTest + "\",\"resourceType\":\"VM\"}");
        Assert.Equal("ProtectionFailed", overridden.Str("protectionStatus"));
        Assert.Equal("UserErrorSomething", overridden.Str("errorCode"));
    }

    [Fact]
    public async Task Backup_jobs_filter_for_real_and_details_carry_extended_info_and_error_details()
    {
        var world = Scenarios.Load("B10-backup-in-progress");
        await using var server = await FakeArmServer.StartAsync(world);
        using var client = TestSupport.PinnedClient(server);

        var all = await client.GetJsonAsync(Vault + "/backupJobs?" + Api);
        var jobs = all["value"]!.AsArray();
        Assert.Equal(4, jobs.Count);
        Assert.Equal("Microsoft.RecoveryServices/vaults/backupJobs", jobs[0].Str("type"));
        Assert.Equal("AzureIaaSVMJob", jobs[0].Str("properties.jobType"));
        Assert.StartsWith("/Subscriptions/", jobs[0].Str("id"), StringComparison.Ordinal);
        Assert.Equal("vm-app30", jobs[0].Str("properties.entityFriendlyName"));
        Assert.True(DateTimeOffset.Parse(jobs[0].Str("properties.startTime"), System.Globalization.CultureInfo.InvariantCulture)
            >= DateTimeOffset.Parse(jobs[1].Str("properties.startTime"), System.Globalization.CultureInfo.InvariantCulture), "newest first");

        var inProgress = await client.GetJsonAsync(Vault + "/backupJobs?$filter=" + Uri.EscapeDataString("status eq 'InProgress' and operation eq 'Backup' and backupManagementType eq 'AzureIaasVM'") + "&" + Api);
        var ip = inProgress["value"]!.AsArray().Single()!;
        Assert.Equal("InProgress", ip.Str("properties.status"));
        Assert.Null(ip.At("properties.endTime"));
        Assert.Null(ip.At("properties.extendedInfo"));

        var window = await client.GetJsonAsync(Vault + "/backupJobs?$filter=" + Uri.EscapeDataString($"startTime eq '{FilterTime(world.AsOf!.Value.AddHours(-32))}' and endTime eq '{FilterTime(world.AsOf!.Value.AddHours(-5))}'") + "&" + Api);
        Assert.Equal(2, window["value"]!.AsArray().Count);
        var failed = await client.GetJsonAsync(Vault + "/backupJobs?$filter=" + Uri.EscapeDataString("status eq 'Failed'") + "&" + Api);
        var f = failed["value"]!.AsArray().Single()!;
        Assert.Equal(400270, f.At("properties.errorDetails.0.errorCode")!.GetValue<int>());
        Assert.Contains("UserErrorBackupOperationInProgress", f.Str("properties.errorDetails.0.errorString"), StringComparison.Ordinal);
        Assert.NotEmpty(f.At("properties.errorDetails.0.recommendations")!.AsArray());

        var (bad, badBody, _) = await client.SendAsync(HttpMethod.Get, Vault + "/backupJobs?$filter=" + Uri.EscapeDataString("colour eq 'blue'") + "&" + Api);
        Assert.Equal(400, bad);
        Assert.Contains("colour", badBody.Str("error.message"), StringComparison.Ordinal);

        var details = await client.GetJsonAsync(Vault + "/backupJobs/" + ip.Str("name") + "?" + Api);
        Assert.Equal("Take Snapshot", details.Str("properties.extendedInfo.tasksList.0.taskId"));
        Assert.Equal("InProgress", details.Str("properties.extendedInfo.tasksList.0.status"));
        Assert.Equal("vm-app30", details.Str("properties.extendedInfo.propertyBag.VM Name"));
        Assert.StartsWith("P", details.Str("properties.duration"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protected_items_list_filter_and_get()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("B12-protection-stopped"));
        using var client = TestSupport.PinnedClient(server);

        var list = await client.GetJsonAsync(Vault + "/backupProtectedItems?$filter=" + Uri.EscapeDataString("backupManagementType eq 'AzureIaasVM' and itemType eq 'VM'") + "&" + Api);
        var item = list["value"]!.AsArray().Single()!;
        Assert.Equal("Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems", item.Str("type"));
        Assert.Equal(server.World.VmUnderTest, item.Str("properties.virtualMachineId"));
        Assert.Equal("ProtectionStopped", item.Str("properties.protectionState"));
        Assert.Equal("Healthy", item.Str("properties.protectionStatus"));
        Assert.Equal("Passed", item.Str("properties.healthStatus"));
        Assert.Equal("Completed", item.Str("properties.lastBackupStatus"));
        Assert.Equal("", item.Str("properties.policyId"));
        Assert.Equal("VM;iaasvmcontainerv2;rg-app;vm-app32", item.Str("name"));

        var none = await client.GetJsonAsync(Vault + "/backupProtectedItems?$filter=" + Uri.EscapeDataString("backupManagementType eq 'AzureWorkload'") + "&" + Api);
        Assert.Empty(none["value"]!.AsArray());

        var one = await client.GetJsonAsync(item.Str("id") + "?" + Api);
        Assert.Equal(item.Str("id"), one.Str("id"));
        Assert.Contains("/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg-app;vm-app32/protectedItems/", one.Str("id"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_backup_returns_202_and_creates_a_job_and_cancel_cancels_it()
    {
        await using var server = await FakeArmServer.StartAsync(Scenarios.Load("healthy-windows"));
        using var client = TestSupport.PinnedClient(server);
        var item = Vault + "/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg-app;vm-win01/protectedItems/VM;iaasvmcontainerv2;rg-app;vm-win01";

        var (status, _, resp) = await client.SendAsync(HttpMethod.Post, item + "/backup?" + Api, "{\"properties\":{\"objectType\":\"IaasVMBackupRequest\"}}");
        Assert.Equal(202, status);
        var location = resp.Headers.Location!;
        Assert.Contains("/operationResults/", location.AbsolutePath, StringComparison.Ordinal);
        var asyncOp = new Uri(resp.Headers.GetValues("Azure-AsyncOperation").Single());
        Assert.Equal(server.Endpoint.Authority, asyncOp.Authority);

        var s1 = await client.GetJsonAsync(asyncOp.ToString());
        Assert.Equal("InProgress", s1.Str("status"));
        var s2 = await client.GetJsonAsync(asyncOp.ToString());
        Assert.Equal("Succeeded", s2.Str("status"));
        var jobId = s2.Str("properties.jobId");
        var (done, _, _) = await client.SendAsync(HttpMethod.Get, location.ToString());
        Assert.Equal(204, done);

        var job = await client.GetJsonAsync(Vault + "/backupJobs/" + jobId + "?" + Api);
        Assert.Equal("InProgress", job.Str("properties.status"));
        Assert.True(job.At("properties.isUserTriggered")!.GetValue<bool>());

        // A second trigger while that backup runs fails asynchronously with UserErrorBackupOperationInProgress.
        var (_, _, resp2) = await client.SendAsync(HttpMethod.Post, item + "/backup?" + Api, "{}");
        var op2 = resp2.Headers.GetValues("Azure-AsyncOperation").Single();
        await client.GetJsonAsync(op2);
        var failed = await client.GetJsonAsync(op2);
        Assert.Equal("Failed", failed.Str("status"));
        Assert.Equal("UserErrorBackupOperationInProgress", failed.Str("error.code"));

        var (cancel, _, cancelResp) = await client.SendAsync(HttpMethod.Post, Vault + "/backupJobs/" + jobId + "/cancel?" + Api);
        Assert.Equal(202, cancel);
        Assert.Equal("Cancelling", (await client.GetJsonAsync(Vault + "/backupJobs/" + jobId + "?" + Api)).Str("properties.status"));
        var cancelOp = cancelResp.Headers.Location!.ToString();
        var (c1, _, _) = await client.SendAsync(HttpMethod.Get, cancelOp);
        Assert.Equal(202, c1);
        var (c2, _, _) = await client.SendAsync(HttpMethod.Get, cancelOp);
        Assert.Equal(204, c2);
        var cancelled = await client.GetJsonAsync(Vault + "/backupJobs/" + jobId + "?" + Api);
        Assert.Equal("Cancelled", cancelled.Str("properties.status"));
        Assert.NotNull(cancelled.At("properties.endTime"));

        var (again, againBody, _) = await client.SendAsync(HttpMethod.Post, Vault + "/backupJobs/" + jobId + "/cancel?" + Api);
        Assert.Equal(400, again);
        Assert.NotNull(againBody.At("error.code"));
    }

    /// <summary>The service's $filter time format.</summary>
    private static string FilterTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd hh:mm:ss tt", System.Globalization.CultureInfo.InvariantCulture);
}
