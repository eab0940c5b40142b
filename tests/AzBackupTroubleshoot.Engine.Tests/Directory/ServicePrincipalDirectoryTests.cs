using System;
using System.Linq;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Directory;
using AzBackupTroubleshoot.Engine.KeyVault;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests.Directory;

public class ServicePrincipalDirectoryTests
{
    [Fact]
    public async Task Finds_the_backup_services_object_id_by_its_app_id()
    {
        var world = new ArmWorld();
        world.AddSubscription(Collection.TestWorlds.SubscriptionId);
        world.WithServicePrincipal(ArmWorld.BackupManagementServiceAppId, ArmWorld.DefaultBackupManagementServiceObjectId, "Backup Management Service");
        await using var fake = await FakeArmSession.StartAsync(world);

        var objectId = await new ServicePrincipalDirectory(fake.Session).FindObjectIdAsync(KeyVaultAccessEvaluator.BackupManagementServiceAppId, default);

        Assert.Equal(ArmWorld.DefaultBackupManagementServiceObjectId, objectId);
    }

    [Fact]
    public async Task A_graph_token_that_cannot_be_had_is_a_refused_request_that_names_graph_and_keeps_the_source_out()
    {
        var world = new ArmWorld();
        world.AddSubscription(Collection.TestWorlds.SubscriptionId);
        await using var fake = await FakeArmSession.StartAsync(world, configure: connection =>
            connection.ExternalTokenSource = (_, _) => throw new InvalidOperationException("secret detail of the token source"));

        var error = await Assert.ThrowsAsync<ArmRequestException>(() => new ServicePrincipalDirectory(fake.Session).FindObjectIdAsync(KeyVaultAccessEvaluator.BackupManagementServiceAppId, default));

        Assert.Equal(401, error.Status);
        Assert.Equal("GraphTokenUnavailable", error.ErrorCode);
        Assert.Contains("Microsoft Graph", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Server.Requests.All, r => r.Path.Contains("servicePrincipals", StringComparison.OrdinalIgnoreCase));
    }
}
