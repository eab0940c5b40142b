using System;
using System.Globalization;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Benchmarks;

/// <summary>
/// A subscription of N VMs, 100 per resource group, protected in vaults of 1,000, with the documented failures in
/// realistic shares: agent not ready (A14/B1), failed or deleting backup extension (B3, A9), failed provisioning (B3),
/// a full restore point collection (B4), stopped protection (B12), a backup in progress (B10), deallocated and
/// stopped VMs, unprotected VMs. The same seed gives the same world.
/// </summary>
internal static class BenchmarkFleet
{
    public const string SubscriptionId = "2d0c7b1e-4f3a-4c8e-9b6d-5a1f0e7c3b21";
    public const string Location = "eastus";

    public static ArmWorld Create(int vmCount, DateTimeOffset now, int seed = 7)
    {
#pragma warning disable CA5394 // Deterministic test data, not security.
        var random = new Random(seed);
        var world = new ArmWorld();
        var subscription = world.AddSubscription(SubscriptionId, "Contoso Fleet");
        var restorePoints = subscription.AddResourceGroup("AzureBackupRG_" + Location + "_1", Location);
        var backup = subscription.AddResourceGroup("rg-backup", Location);
        ArmResourceGroup? group = null;
        ArmRecoveryServicesVault? vault = null;
        var protectedCount = 0;
        for (var i = 0; i < vmCount; i++)
        {
            if (i % 100 == 0)
            {
                group = subscription.AddResourceGroup("rg-fleet-" + (i / 100).ToString("D4", CultureInfo.InvariantCulture), Location);
            }

            var name = "vm-" + i.ToString("D5", CultureInfo.InvariantCulture);
            var vm = group!.AddVirtualMachine(name, random.NextDouble() < 0.4 ? ArmOsType.Linux : ArmOsType.Windows).WithDataDisk(name + "-data0", 128 << random.Next(0, 4));
            var roll = random.NextDouble();
            if (roll < 0.08)
            {
                continue;
            }

            var failure = roll switch
            {
                < 0.11 => "agent",
                < 0.13 => "extension-failed",
                < 0.14 => "extension-deleting",
                < 0.15 => "provisioning",
                < 0.16 => "restore-points-full",
                < 0.17 => "protection-stopped",
                < 0.18 => "in-progress",
                < 0.23 => "deallocated",
                < 0.24 => "stopped",
                _ => null,
            };
            vm.WithBackupExtension(failure switch { "extension-failed" => "Failed", "extension-deleting" => "Deleting", _ => "Succeeded" });
            switch (failure)
            {
                case "agent":
                    vm.WithAgentNotReady();
                    break;
                case "provisioning":
                    vm.WithProvisioningState("Failed", "ProvisioningState/failed/VMExtensionProvisioningError", "An extension failed to provision.");
                    break;
                case "deallocated":
                case "stopped":
                    vm.WithPowerState(failure);
                    break;
            }

            if (protectedCount++ % 1000 == 0)
            {
                vault = backup.AddRecoveryServicesVault("rsv-fleet-" + (protectedCount / 1000).ToString("D2", CultureInfo.InvariantCulture));
            }

            var item = vault!.Protect(vm.Id);
            var start = now.AddDays(-1).AddSeconds(random.Next(0, 3600));
            vault.AddJob(vm.Id, "Backup", "Completed", start.AddDays(-1), start.AddDays(-1).AddMinutes(20));
            var failing = failure is "agent" or "extension-failed" or "extension-deleting" or "provisioning" or "restore-points-full";
            if (failing)
            {
                item.WithLastBackup("Failed", start.AddMinutes(30), "ActionRequired", "Unhealthy");
                vault.AddJob(vm.Id, "Backup", "Failed", start, start.AddMinutes(30)).WithError(ErrorCodeOf(failure!), failure!);
            }
            else if (failure == "in-progress")
            {
                vault.AddJob(vm.Id, "Backup", "InProgress", now.AddHours(-2));
            }
            else
            {
                vault.AddJob(vm.Id, "Backup", "Completed", start, start.AddMinutes(20));
            }

            if (failure == "protection-stopped")
            {
                item.WithProtectionState("ProtectionStopped");
            }

            restorePoints.AddRestorePointCollection("AzureBackup_" + name + "_" + (1_000_000_000L + i).ToString(CultureInfo.InvariantCulture), vm.Id)
                .WithRestorePoints(failure == "restore-points-full" ? 18 : random.Next(1, 6), now.AddDays(-1));
        }
#pragma warning restore CA5394

        return world.Link();
    }

    private static int ErrorCodeOf(string failure) => failure switch
    {
        "agent" => 100110,
        "restore-points-full" => 400262,
        _ => 400302,
    };
}
