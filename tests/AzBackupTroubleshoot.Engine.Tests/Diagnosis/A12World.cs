using System;
using System.Linq;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Engine.Tests.Diagnosis;

/// <summary>The A12 scenario's names (vm-gone12 deleted but protected in rsv-prod-eastus, vm-other12 alive beside it) and a way to make vm-other12 fail too.</summary>
internal static class A12World
{
    public const string Subscription = "/subscriptions/" + Scenarios.SubscriptionId;
    public const string Vault = Subscription + "/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod-eastus";
    public const string GoneVm = Subscription + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-gone12";
    public const string OtherVm = Subscription + "/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-other12";

    public static ArmWorld Load() => Scenarios.Load("A12-vm-deleted");

    /// <summary>The scenario with two failed backups of vm-other12 (backup extension stuck deleting) in the last two days.</summary>
    public static ArmWorld WithFailingOtherVm()
    {
        var world = Load();
        var vault = world.AllRecoveryServicesVaults().Single();
        foreach (var daysAgo in new[] { 1, 2 })
        {
            var start = WorldTime.Ago(TimeSpan.FromDays(daysAgo));
            vault.AddJob(OtherVm, "Backup", "Failed", start, start.AddMinutes(10))
                .WithError(400141, "ExtensionStuckInDeletionState - Extension state is not supportive to backup operation.", "Uninstall the backup extension, then retry.");
        }

        return world;
    }
}
