using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.Tests.Rest;

public class ArmActionNameTests
{
    [Theory]
    [InlineData("GET", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1", "Microsoft.Compute/virtualMachines/read")]
    [InlineData("GET", "/subscriptions/s/providers/Microsoft.Authorization/locks", "Microsoft.Authorization/locks/read")]
    [InlineData("GET", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupJobs", "Microsoft.RecoveryServices/vaults/backupJobs/read")]
    [InlineData("POST", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupJobs/j/cancel", "Microsoft.RecoveryServices/vaults/backupJobs/cancel/action")]
    [InlineData("POST", "/subscriptions/s/providers/Microsoft.RecoveryServices/locations/westeurope/backupStatus", "Microsoft.RecoveryServices/locations/backupStatus/action")]
    [InlineData("DELETE", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/restorePointCollections/c", "Microsoft.Compute/restorePointCollections/delete")]
    [InlineData("GET", "/subscriptions/s/resourceGroups/rg", "Microsoft.Resources/subscriptions/resourceGroups/read")]
    public void Infers_the_RBAC_action_from_method_and_path(string method, string path, string expected) =>
        Assert.Equal(expected, ArmActionName.Infer(method, path));
}
