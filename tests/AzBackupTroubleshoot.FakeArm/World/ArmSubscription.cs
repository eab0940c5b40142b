using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>A subscription and its resource groups.</summary>
public sealed class ArmSubscription
{
    /// <summary>The subscription GUID.</summary>
    public string SubscriptionId { get; set; } = "";

    /// <summary>Display name.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Enabled, Disabled, Warned, PastDue, Deleted.</summary>
    public string State { get; set; } = "Enabled";

    /// <summary>Resource groups, in listing order.</summary>
    public List<ArmResourceGroup> ResourceGroups { get; } = [];

    /// <summary>The world this subscription belongs to.</summary>
    [JsonIgnore]
    public ArmWorld? World { get; private set; }

    /// <summary>/subscriptions/{id}</summary>
    [JsonIgnore]
    public string Id => "/subscriptions/" + SubscriptionId;

    internal void Attach(ArmWorld world) => World = world;

    /// <summary>Adds a resource group.</summary>
    public ArmResourceGroup AddResourceGroup(string name, string location)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var rg = new ArmResourceGroup { Name = name, Location = location };
        rg.Attach(this);
        ResourceGroups.Add(rg);
        return rg;
    }

    /// <summary>Returns the named resource group, adding it when missing.</summary>
    public ArmResourceGroup ResourceGroup(string name, string location) => FindResourceGroup(name) ?? AddResourceGroup(name, location);

    /// <summary>Finds a resource group (case-insensitive).</summary>
    public ArmResourceGroup? FindResourceGroup(string name) =>
        ResourceGroups.FirstOrDefault(rg => string.Equals(rg.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A resource group and the resources this fake knows in it.</summary>
public sealed class ArmResourceGroup
{
    /// <summary>Resource group name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Azure region, e.g. eastus.</summary>
    public string Location { get; set; } = "eastus";

    /// <summary>Tags.</summary>
    public Dictionary<string, string> Tags { get; } = [];

    /// <summary>Virtual machines.</summary>
    public List<ArmVirtualMachine> VirtualMachines { get; } = [];

    /// <summary>Managed disks that are not attached to a VM of this world (attached ones come from the VMs).</summary>
    public List<ArmStandaloneDisk> Disks { get; } = [];

    /// <summary>Restore point collections.</summary>
    public List<ArmRestorePointCollection> RestorePointCollections { get; } = [];

    /// <summary>Key vaults.</summary>
    public List<ArmKeyVault> KeyVaults { get; } = [];

    /// <summary>Recovery Services vaults.</summary>
    public List<ArmRecoveryServicesVault> RecoveryServicesVaults { get; } = [];

    /// <summary>The subscription.</summary>
    [JsonIgnore]
    public ArmSubscription? Subscription { get; private set; }

    /// <summary>/subscriptions/{s}/resourceGroups/{name}</summary>
    [JsonIgnore]
    public string Id => (Subscription?.Id ?? "/subscriptions/00000000-0000-0000-0000-000000000000") + "/resourceGroups/" + Name;

    internal void Attach(ArmSubscription subscription) => Subscription = subscription;

    /// <summary>Adds a tag and returns the group.</summary>
    public ArmResourceGroup WithTag(string name, string value)
    {
        Tags[name] = value;
        return this;
    }

    /// <summary>Adds a VM (healthy defaults: running, agent Ready, succeeded) and returns it.</summary>
    public ArmVirtualMachine AddVirtualMachine(string name, ArmOsType osType = ArmOsType.Windows)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var vm = ArmVirtualMachine.Create(name, osType);
        vm.Attach(this);
        VirtualMachines.Add(vm);
        return vm;
    }

    /// <summary>Adds a restore point collection whose source is <paramref name="sourceVmId"/>.</summary>
    public ArmRestorePointCollection AddRestorePointCollection(string name, string sourceVmId)
    {
        var rpc = new ArmRestorePointCollection { Name = name, SourceVmId = sourceVmId };
        rpc.Attach(this);
        RestorePointCollections.Add(rpc);
        return rpc;
    }

    /// <summary>Adds a key vault.</summary>
    public ArmKeyVault AddKeyVault(string name)
    {
        var kv = new ArmKeyVault { Name = name };
        kv.Attach(this);
        KeyVaults.Add(kv);
        return kv;
    }

    /// <summary>Adds a Recovery Services vault.</summary>
    public ArmRecoveryServicesVault AddRecoveryServicesVault(string name)
    {
        var v = new ArmRecoveryServicesVault { Name = name };
        v.Attach(this);
        RecoveryServicesVaults.Add(v);
        return v;
    }

    /// <summary>Adds an unattached managed disk.</summary>
    public ArmStandaloneDisk AddDisk(string name, int sizeGb)
    {
        var d = new ArmStandaloneDisk { Name = name, DiskSizeGb = sizeGb };
        d.Attach(this);
        Disks.Add(d);
        return d;
    }

    /// <summary>Finds a VM by name (case-insensitive).</summary>
    public ArmVirtualMachine? FindVirtualMachine(string name) =>
        VirtualMachines.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a restore point collection by name.</summary>
    public ArmRestorePointCollection? FindRestorePointCollection(string name) =>
        RestorePointCollections.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a key vault by name.</summary>
    public ArmKeyVault? FindKeyVault(string name) =>
        KeyVaults.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a Recovery Services vault by name.</summary>
    public ArmRecoveryServicesVault? FindRecoveryServicesVault(string name) =>
        RecoveryServicesVaults.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
}
