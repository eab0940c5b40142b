using System;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests.Collection;

/// <summary>Small worlds built in code, each one VM under test in westeurope with its backup around it.</summary>
internal static class TestWorlds
{
    public const string SubscriptionId = "2d0c7b1e-4f3a-4c8e-9b6d-5a1f0e7c3b21";
    public const string Location = "westeurope";

    public static readonly DateTimeOffset Now = WorldTime.Now;

    public static (ArmWorld World, ArmVirtualMachine Vm, ArmRecoveryServicesVault Vault, ArmResourceGroup BackupGroup) Protected()
    {
        var world = new ArmWorld();
        var subscription = world.AddSubscription(SubscriptionId);
        var app = subscription.AddResourceGroup("rg-app", Location);
        var vm = app.AddVirtualMachine("vm-app-01").WithBackupExtension().WithDataDisk("vm-app-01-data0", 256);
        var other = app.AddVirtualMachine("vm-app-02").WithBackupExtension();
        var backupGroup = subscription.AddResourceGroup("AzureBackupRG_westeurope_1", Location);
        backupGroup.AddRestorePointCollection("AzureBackup_vm-app-01_1234", vm.Id).WithRestorePoints(18);

        // Named after vm-app-01 but made from vm-app-02: must not be matched by name.
        backupGroup.AddRestorePointCollection("AzureBackup_vm-app-01_9999", other.Id).WithRestorePoints(3);
        var vault = subscription.AddResourceGroup("rg-backup", Location).AddRecoveryServicesVault("rsv-weu");
        vault.Protect(vm.Id);
        vault.Protect(other.Id);
        vault.AddJob(vm.Id, "Backup", "Failed", Now.AddDays(-1), Now.AddDays(-1).AddMinutes(20))
            .WithError(400262, "UserErrorRpCollectionLimitReached", "Remove the lock on the restore point resource group.");
        vault.AddJob(other.Id, "Backup", "Failed", Now.AddDays(-2), Now.AddDays(-2).AddMinutes(5));
        world.AddLock(backupGroup.Id, "keep-backup-rg", ArmLockLevel.CanNotDelete, "do not delete");
        world.AddLock("/subscriptions/" + SubscriptionId, "sub-readonly", ArmLockLevel.ReadOnly);
        return (world, vm, vault, backupGroup);
    }

    public static VmIdentity IdentityOf(string resourceId, string resourceGroup, string name) =>
        new(resourceId, SubscriptionId, resourceGroup, name);

    public static VmIdentity IdentityOf(ArmVirtualMachine vm) =>
        IdentityOf(vm.Id, vm.ResourceGroup!.Name, vm.Name);
}
