using System;
using System.Text.Json.Nodes;
using AzBackupTroubleshoot.Engine.Tests.Collection;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests.Bulk;

/// <summary>
/// A subscription with the documented failures side by side, one VM each, as a bulk scan meets them: agent not ready,
/// failed and deleting backup extensions, failed provisioning, a full restore point collection, stopped protection,
/// a backup in progress, Azure Disk Encryption without Key Vault access, no agent, stopped and deallocated VMs, an
/// unprotected VM, a deny policy on one group and a second region with its own vault.
/// </summary>
internal static class BulkWorlds
{
    public const string SubscriptionId = TestWorlds.SubscriptionId;
    public const string Location = TestWorlds.Location;

    public static readonly DateTimeOffset Now = TestWorlds.Now;

    public static string Subscription => "/subscriptions/" + SubscriptionId;

    public static ArmWorld Mixed()
    {
        var world = new ArmWorld();
        var subscription = world.AddSubscription(SubscriptionId);
        var app = subscription.AddResourceGroup("rg-app", Location);
        var data = subscription.AddResourceGroup("rg-data", Location);
        var east = subscription.AddResourceGroup("rg-east", "eastus");
        var restorePoints = subscription.AddResourceGroup("AzureBackupRG_westeurope_1", Location);
        var backup = subscription.AddResourceGroup("rg-backup", Location);
        var vault = backup.AddRecoveryServicesVault("rsv-weu");
        var eastVault = backup.AddRecoveryServicesVault("rsv-eus");
        eastVault.Location = "eastus";
        var keyVault = data.AddKeyVault("kv-no-backup-access");

        ArmVirtualMachine Protected(ArmVirtualMachine vm, int restorePointCount = 2)
        {
            vault.Protect(vm.Id);
            vault.AddJob(vm.Id, "Backup", "Completed", Now.AddDays(-1), Now.AddDays(-1).AddMinutes(20));
            restorePoints.AddRestorePointCollection("AzureBackup_" + vm.Name + "_1", vm.Id).WithRestorePoints(restorePointCount);
            return vm;
        }

        void Failing(ArmVirtualMachine vm, int code, string message)
        {
            vault.FindProtectedItemForVm(vm.Id)!.WithLastBackup("Failed", Now.AddHours(-3), "ActionRequired", "Unhealthy");
            vault.AddJob(vm.Id, "Backup", "Failed", Now.AddHours(-4), Now.AddHours(-3)).WithError(code, message);
        }

        Protected(app.AddVirtualMachine("vm-healthy").WithBackupExtension().WithDataDisk("vm-healthy-data0", 256));
        Protected(app.AddVirtualMachine("vm-linux", ArmOsType.Linux).WithBackupExtension());
        Failing(Protected(app.AddVirtualMachine("vm-agent").WithAgentNotReady().WithBackupExtension()), 100110, "UserErrorGuestAgentStatusUnavailable");
        Failing(Protected(app.AddVirtualMachine("vm-ext-failed").WithBackupExtension("Failed")), 400302, "ExtensionOperationFailedForManagedDisks");
        Protected(app.AddVirtualMachine("vm-ext-deleting").WithBackupExtension("Deleting"));
        Protected(app.AddVirtualMachine("vm-provisioning").WithBackupExtension().WithProvisioningState("Failed", "ProvisioningState/failed/VMExtensionProvisioningError", "Extension failed."));
        Failing(Protected(app.AddVirtualMachine("vm-rp-full").WithBackupExtension(), 18), 400262, "UserErrorRpCollectionLimitReached");
        Protected(app.AddVirtualMachine("vm-paused").WithBackupExtension());
        vault.FindProtectedItemForVm(app.FindVirtualMachine("vm-paused")!.Id)!.WithProtectionState("ProtectionStopped");
        var busy = Protected(app.AddVirtualMachine("vm-busy").WithBackupExtension());
        vault.AddJob(busy.Id, "Backup", "InProgress", Now.AddHours(-30));
        app.AddVirtualMachine("vm-unprotected");
        Protected(app.AddVirtualMachine("vm-no-agent").WithoutAgent());

        Protected(data.AddVirtualMachine("vm-encrypted").WithBackupExtension().WithAzureDiskEncryption(keyVault, useKek: false));
        Protected(data.AddVirtualMachine("vm-deallocated").WithBackupExtension().WithPowerState("deallocated"));
        Protected(data.AddVirtualMachine("vm-stopped", ArmOsType.Linux).WithBackupExtension().WithPowerState("stopped"));
        data.AddVirtualMachine("vm-deallocated-new").WithPowerState("deallocated");
        data.AddVirtualMachine("vm-deallocated-old").WithPowerState("deallocated");

        var eastVm = east.AddVirtualMachine("vm-east").WithBackupExtension();
        eastVault.Protect(eastVm.Id);
        eastVault.AddJob(eastVm.Id, "Backup", "Failed", Now.AddDays(-2), Now.AddDays(-2).AddMinutes(5));

        world.AddLock(app.Id, "app-no-delete", ArmLockLevel.CanNotDelete, "shared app group");
        var denyTags = world.AddPolicyDefinition(ArmPolicyDefinition.WithLiteralEffect(
            "require-cost-center",
            "Require costCenter on groups",
            new JsonObject
            {
                ["allOf"] = new JsonArray(
                    new JsonObject { ["field"] = "type", ["equals"] = "Microsoft.Resources/subscriptions/resourceGroups" },
                    new JsonObject { ["field"] = "tags['costCenter']", ["exists"] = "false" }),
            },
            "Deny",
            Subscription));
        var audit = world.AddPolicyDefinition(ArmPolicyDefinition.WithLiteralEffect("audit-location", "Audit location", new JsonObject { ["field"] = "location", ["equals"] = "eastus" }, "Audit", Subscription));
        world.AddPolicyAssignment(data.Id, "deny-tags", denyTags, "Deny groups without costCenter");
        world.AddPolicyAssignment(Subscription, "audit-location", audit);
        return world.Link();
    }
}
