using System;
using AzBackupTroubleshoot.Engine.RecoveryServices;

namespace AzBackupTroubleshoot.Engine.Tests.RecoveryServices;

public class ProtectedItemPathTests
{
    private const string Vault = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v";

    [Fact]
    public void Adds_the_Azure_fabric_that_listed_ids_leave_out() =>
        Assert.Equal(
            Vault + "/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg;vm/protectedItems/VM;iaasvmcontainerv2;rg;vm",
            RecoveryServicesClient.ProtectedItemPath(Vault + "/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg;vm/protectedItems/VM;iaasvmcontainerv2;rg;vm"));

    [Fact]
    public void Keeps_an_id_that_names_its_fabric()
    {
        var id = Vault + "/backupFabrics/Azure/protectionContainers/c/protectedItems/i";
        Assert.Equal(id, RecoveryServicesClient.ProtectedItemPath(id));
    }

    [Fact]
    public void Refuses_an_id_that_is_not_a_protected_item() =>
        Assert.Throws<ArgumentException>(() => RecoveryServicesClient.ProtectedItemPath(Vault));
}
