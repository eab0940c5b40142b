using System;
using System.Globalization;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>Knobs of <see cref="Fleet.Create"/>.</summary>
public sealed class FleetOptions
{
    /// <summary>Random seed; the same seed gives the same world.</summary>
    public int Seed { get; set; } = 7;

    /// <summary>VMs per application resource group.</summary>
    public int VmsPerResourceGroup { get; set; } = 100;

    /// <summary>Region of everything.</summary>
    public string Location { get; set; } = "eastus";

    /// <summary>Share of Linux VMs.</summary>
    public double LinuxShare { get; set; } = 0.4;

    /// <summary>Share of VMs protected by Azure Backup.</summary>
    public double ProtectedShare { get; set; } = 0.9;

    /// <summary>Share of VMs whose agent is Not Ready.</summary>
    public double AgentNotReadyShare { get; set; } = 0.03;

    /// <summary>Share of VMs whose backup extension is Failed.</summary>
    public double ExtensionFailedShare { get; set; } = 0.02;

    /// <summary>Share of VMs that are deallocated.</summary>
    public double DeallocatedShare { get; set; } = 0.05;

    /// <summary>Maximum restore points per collection (1..this; 18 is the service limit).</summary>
    public int MaxRestorePoints { get; set; } = 10;

    /// <summary>Daily backup jobs per protected VM.</summary>
    public int JobsPerVm { get; set; } = 2;

    /// <summary>Protected VMs per Recovery Services vault.</summary>
    public int VmsPerVault { get; set; } = 1000;

    /// <summary>Put a CanNotDelete lock on the restore point resource group.</summary>
    public bool LockRestorePointGroup { get; set; }
}

/// <summary>Generates large worlds for benchmarks.</summary>
public static class Fleet
{
    /// <summary>
    /// The 12-VM demo fleet the README's report screenshot shows: three resource groups of four VMs, with an agent Not
    /// Ready, failed backup extensions, deallocated and unprotected VMs among healthy ones.
    /// </summary>
    public static ArmWorld Demo() => Create(12, new FleetOptions
    {
        Seed = 3,
        VmsPerResourceGroup = 4,
        AgentNotReadyShare = 0.2,
        ExtensionFailedShare = 0.15,
        DeallocatedShare = 0.15,
        ProtectedShare = 0.8,
    });

    /// <summary>
    /// A subscription (<see cref="Scenarios.SubscriptionId"/>) with <paramref name="vmCount"/> VMs in rg-fleet-NNNN groups, most of
    /// them protected in rsv-fleet-NN vaults with daily jobs and a restore point collection each in AzureBackupRG_&lt;location&gt;_1,
    /// and a few with problems (agent Not Ready, failed backup extension, deallocated). The first VM is the VM under test.
    /// </summary>
    public static ArmWorld Create(int vmCount, FleetOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vmCount);
        var o = options ?? new FleetOptions();
#pragma warning disable CA5394 // Deterministic test data, not security.
        var rnd = new Random(o.Seed);
        var world = new ArmWorld { Description = $"Generated fleet of {vmCount} VMs (seed {o.Seed})." };
        var sub = world.AddSubscription(Scenarios.SubscriptionId, "Contoso Fleet");
        var rpGroup = sub.AddResourceGroup("AzureBackupRG_" + o.Location + "_1", o.Location);
        var backupRg = sub.AddResourceGroup("rg-backup", o.Location);
        if (o.LockRestorePointGroup)
        {
            world.AddLock(rpGroup.Id, "backup-rg-do-not-delete", ArmLockLevel.CanNotDelete, "Protected by the platform team.");
        }

        ArmResourceGroup? rg = null;
        ArmRecoveryServicesVault? vault = null;
        var protectedCount = 0;
        var today = WorldTime.Ago(TimeSpan.FromHours(22));
        for (var i = 0; i < vmCount; i++)
        {
            if (i % Math.Max(1, o.VmsPerResourceGroup) == 0)
            {
                rg = sub.AddResourceGroup("rg-fleet-" + (i / Math.Max(1, o.VmsPerResourceGroup)).ToString("D4", CultureInfo.InvariantCulture), o.Location);
            }

            var linux = rnd.NextDouble() < o.LinuxShare;
            var vm = rg!.AddVirtualMachine("vm-" + i.ToString("D5", CultureInfo.InvariantCulture), linux ? ArmOsType.Linux : ArmOsType.Windows)
                .WithDataDisk("vm-" + i.ToString("D5", CultureInfo.InvariantCulture) + "-data01", 128 << rnd.Next(0, 4));
            if (i == 0)
            {
                world.VmUnderTest = vm.Id;
            }

            var roll = rnd.NextDouble();
            var agentBad = roll < o.AgentNotReadyShare;
            var extBad = !agentBad && roll < o.AgentNotReadyShare + o.ExtensionFailedShare;
            var deallocated = !agentBad && !extBad && roll < o.AgentNotReadyShare + o.ExtensionFailedShare + o.DeallocatedShare;
            if (agentBad)
            {
                vm.WithAgentNotReady();
            }

            if (deallocated)
            {
                vm.WithPowerState("deallocated");
            }

            if (rnd.NextDouble() >= o.ProtectedShare)
            {
                continue;
            }

            vm.WithBackupExtension(extBad ? "Failed" : "Succeeded");
            if (protectedCount % Math.Max(1, o.VmsPerVault) == 0)
            {
                vault = backupRg.AddRecoveryServicesVault("rsv-fleet-" + (protectedCount / Math.Max(1, o.VmsPerVault)).ToString("D2", CultureInfo.InvariantCulture));
            }

            protectedCount++;
            var failing = agentBad || extBad;
            var item = vault!.Protect(vm.Id);
            if (failing)
            {
                item.WithLastBackup("Failed", today.AddMinutes(40), "ActionRequired", "Unhealthy");
            }

            for (var d = o.JobsPerVm - 1; d >= 0; d--)
            {
                var start = today.AddDays(-d).AddSeconds(rnd.Next(0, 3600));
                if (failing && d == 0)
                {
                    var job = vault.AddJob(vm.Id, "Backup", "Failed", start, start.AddMinutes(40));
                    if (agentBad)
                    {
                        job.WithError(100110, "UserErrorGuestAgentStatusUnavailable - VM Agent unable to communicate with Azure Backup.");
                    }
                    else
                    {
                        job.WithError(400302, "ExtensionOperationFailedForManagedDisks - VMSnapshot extension operation failed.");
                    }
                }
                else
                {
                    vault.AddJob(vm.Id, "Backup", "Completed", start, start.AddMinutes(rnd.Next(8, 45)));
                }
            }

            rpGroup.AddRestorePointCollection("AzureBackup_" + vm.Name + "_" + (1_000_000_000L + i).ToString(CultureInfo.InvariantCulture), vm.Id)
                .WithRestorePoints(rnd.Next(1, Math.Max(1, o.MaxRestorePoints) + 1), today.AddMinutes(10));
        }
#pragma warning restore CA5394

        return world.Link();
    }
}
