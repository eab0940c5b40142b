using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>Guest operating system family.</summary>
public enum ArmOsType
{
    /// <summary>Windows.</summary>
    Windows,

    /// <summary>Linux.</summary>
    Linux,
}

/// <summary>A virtual machine: the model (what ARM stores) and the run-time state the instance view reports.</summary>
public sealed class ArmVirtualMachine
{
    /// <summary>VM name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Region; the resource group's when null.</summary>
    public string? Location { get; set; }

    /// <summary>The VM's unique id (properties.vmId).</summary>
    public string VmId { get; set; } = "";

    /// <summary>hardwareProfile.vmSize.</summary>
    public string Size { get; set; } = "Standard_D2s_v5";

    /// <summary>OS family.</summary>
    public ArmOsType OsType { get; set; } = ArmOsType.Windows;

    /// <summary>Marketplace image (publisher:offer:sku:version); the OS family's default when null. Not shown when <see cref="HasOsProfile"/> is false.</summary>
    public string? Image { get; set; }

    /// <summary>osProfile.computerName and instanceView.computerName; the VM name when null.</summary>
    public string? ComputerName { get; set; }

    /// <summary>False for a VM created from a specialized disk (no osProfile at all).</summary>
    public bool HasOsProfile { get; set; } = true;

    /// <summary>osProfile.windowsConfiguration/linuxConfiguration.provisionVMAgent.</summary>
    public bool ProvisionVmAgent { get; set; } = true;

    /// <summary>properties.provisioningState: Succeeded, Failed, Updating, Creating, Deleting.</summary>
    public string ProvisioningState { get; set; } = "Succeeded";

    /// <summary>Instance view provisioning status code; "ProvisioningState/{state lower-case}" when null.</summary>
    public string? ProvisioningStatusCode { get; set; }

    /// <summary>Message of the instance view provisioning status (e.g. the failure).</summary>
    public string? ProvisioningStatusMessage { get; set; }

    /// <summary>PowerState/… code suffix: running, stopped, deallocated, starting, stopping, deallocating; null for none.</summary>
    public string? PowerState { get; set; } = "running";

    /// <summary>instanceView.osName; the OS family's default when null.</summary>
    public string? OsName { get; set; }

    /// <summary>instanceView.osVersion; the OS family's default when null.</summary>
    public string? OsVersion { get; set; }

    /// <summary>V1 or V2.</summary>
    public string HyperVGeneration { get; set; } = "V2";

    /// <summary>securityProfile.securityType (TrustedLaunch, ConfidentialVM) or null.</summary>
    public string? SecurityType { get; set; }

    /// <summary>The guest agent as the instance view reports it (Ready by default); null when the instance view has no vmAgent.</summary>
    public ArmVmAgent? Agent { get; set; } = new();

    /// <summary>The OS disk.</summary>
    public ArmVmDisk OsDisk { get; set; } = new();

    /// <summary>Data disks.</summary>
    public List<ArmVmDisk> DataDisks { get; } = [];

    /// <summary>Extensions (model and instance view).</summary>
    public List<ArmVmExtension> Extensions { get; } = [];

    /// <summary>Tags.</summary>
    public Dictionary<string, string> Tags { get; } = [];

    /// <summary>properties.timeCreated.</summary>
    public DateTimeOffset TimeCreated { get; set; } = WorldTime.Ago(TimeSpan.FromDays(312));

    /// <summary>The resource group.</summary>
    [JsonIgnore]
    public ArmResourceGroup? ResourceGroup { get; private set; }

    /// <summary>Full resource id.</summary>
    [JsonIgnore]
    public string Id => (ResourceGroup?.Id ?? "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/unknown")
        + "/providers/Microsoft.Compute/virtualMachines/" + Name;

    /// <summary>Region actually used.</summary>
    [JsonIgnore]
    public string EffectiveLocation => Location ?? ResourceGroup?.Location ?? "eastus";

    internal void Attach(ArmResourceGroup rg)
    {
        ResourceGroup = rg;
        if (string.IsNullOrEmpty(VmId))
        {
            VmId = StableGuid.From("vm", rg.Id, Name);
        }

        if (string.IsNullOrEmpty(OsDisk.Name))
        {
            OsDisk.Name = Name + "_OsDisk_1_" + StableGuid.From("osdisk", rg.Id, Name).Replace("-", "", StringComparison.Ordinal);
        }
    }

    internal static ArmVirtualMachine Create(string name, ArmOsType osType)
    {
        var vm = new ArmVirtualMachine { Name = name, OsType = osType };
        if (osType == ArmOsType.Linux)
        {
            vm.OsDisk.DiskSizeGb = 30;
        }

        return vm;
    }

    /// <summary>The marketplace image used: <see cref="Image"/>, or the OS family's default.</summary>
    [JsonIgnore]
    public string EffectiveImage => Image ?? (OsType == ArmOsType.Windows
        ? "MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest"
        : "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest");

    /// <summary>instanceView.osName used: <see cref="OsName"/>, or the OS family's default.</summary>
    [JsonIgnore]
    public string EffectiveOsName => OsName ?? (OsType == ArmOsType.Windows ? "Windows Server 2022 Datacenter Azure Edition" : "ubuntu");

    /// <summary>instanceView.osVersion used: <see cref="OsVersion"/>, or the OS family's default.</summary>
    [JsonIgnore]
    public string EffectiveOsVersion => OsVersion ?? (OsType == ArmOsType.Windows ? "Microsoft Windows NT 10.0.20348.0" : "22.04");

    /// <summary>vmAgentVersion used: the agent's version, or the OS family's current agent.</summary>
    [JsonIgnore]
    public string? EffectiveAgentVersion => Agent is null ? null : Agent.Version ?? (OsType == ArmOsType.Windows ? "2.7.41491.1102" : "2.9.1.1");

    /// <summary>Sets the power state (running, stopped, deallocated, starting, …).</summary>
    public ArmVirtualMachine WithPowerState(string? powerState)
    {
        PowerState = powerState;
        return this;
    }

    /// <summary>Sets the provisioning state and, optionally, the instance view status code and message.</summary>
    public ArmVirtualMachine WithProvisioningState(string state, string? statusCode = null, string? message = null)
    {
        ProvisioningState = state;
        ProvisioningStatusCode = statusCode;
        ProvisioningStatusMessage = message;
        return this;
    }

    /// <summary>Sets the VM size.</summary>
    public ArmVirtualMachine WithSize(string size)
    {
        Size = size;
        return this;
    }

    /// <summary>Reports a Ready agent of <paramref name="version"/>.</summary>
    public ArmVirtualMachine WithAgent(string version)
    {
        Agent = ArmVmAgent.Ready(version);
        return this;
    }

    /// <summary>Reports the agent as unresponsive (Not Ready).</summary>
    public ArmVirtualMachine WithAgentNotReady(string version = "Unknown")
    {
        Agent = ArmVmAgent.NotReady(version);
        return this;
    }

    /// <summary>No vmAgent in the instance view and provisionVMAgent false.</summary>
    public ArmVirtualMachine WithoutAgent()
    {
        Agent = null;
        ProvisionVmAgent = false;
        return this;
    }

    /// <summary>Sets the OS disk size (GiB) and SKU.</summary>
    public ArmVirtualMachine WithOsDisk(int sizeGb, string storageAccountType = "Premium_LRS")
    {
        OsDisk.DiskSizeGb = sizeGb;
        OsDisk.StorageAccountType = storageAccountType;
        return this;
    }

    /// <summary>Adds a managed data disk at the next free LUN.</summary>
    public ArmVirtualMachine WithDataDisk(string name, int sizeGb, string storageAccountType = "Premium_LRS")
    {
        var lun = DataDisks.Count == 0 ? 0 : DataDisks.Max(d => d.Lun ?? 0) + 1;
        DataDisks.Add(new ArmVmDisk { Name = name, Lun = lun, DiskSizeGb = sizeGb, StorageAccountType = storageAccountType, CreateOption = "Empty", Caching = "None" });
        return this;
    }

    /// <summary>Adds an extension.</summary>
    public ArmVirtualMachine WithExtension(ArmVmExtension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        Extensions.Add(extension);
        return this;
    }

    /// <summary>Adds the Azure Backup snapshot extension (VMSnapshot or VMSnapshotLinux) in <paramref name="provisioningState"/>.</summary>
    public ArmVirtualMachine WithBackupExtension(string provisioningState = "Succeeded")
    {
        var ext = OsType == ArmOsType.Windows ? ArmVmExtension.VmSnapshot() : ArmVmExtension.VmSnapshotLinux();
        ext.ProvisioningState = provisioningState;
        Extensions.Add(ext);
        return this;
    }

    /// <summary>
    /// Azure Disk Encryption (single pass): adds the AzureDiskEncryption extension and puts encryptionSettings on the OS disk
    /// (and on every data disk when <paramref name="dataDisksToo"/>), with the BEK secret (and the KEK when
    /// <paramref name="useKek"/>) in <paramref name="keyVault"/>.
    /// </summary>
    public ArmVirtualMachine WithAzureDiskEncryption(ArmKeyVault keyVault, bool useKek = true, bool dataDisksToo = true)
    {
        ArgumentNullException.ThrowIfNull(keyVault);
        Extensions.Add(OsType == ArmOsType.Windows ? ArmVmExtension.AzureDiskEncryption() : ArmVmExtension.AzureDiskEncryptionForLinux());
        foreach (var disk in new[] { OsDisk }.Concat(dataDisksToo ? DataDisks : []))
        {
            disk.Ade = new ArmAdeSettings
            {
                KeyVaultId = keyVault.Id,
                SecretUrl = keyVault.VaultUri + "secrets/" + Name + "-bek/" + StableGuid.From("bek", Name, disk.Name).Replace("-", "", StringComparison.Ordinal),
                KeyEncryptionKeyUrl = useKek ? keyVault.VaultUri + "keys/" + Name + "-kek/" + StableGuid.From("kek", Name).Replace("-", "", StringComparison.Ordinal) : null,
            };
        }

        return this;
    }

    /// <summary>Adds a tag.</summary>
    public ArmVirtualMachine WithTag(string name, string value)
    {
        Tags[name] = value;
        return this;
    }

    /// <summary>Finds an extension by name.</summary>
    public ArmVmExtension? FindExtension(string name) =>
        Extensions.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>All disks, OS disk first.</summary>
    [JsonIgnore]
    public IEnumerable<ArmVmDisk> AllDisks => new[] { OsDisk }.Concat(DataDisks);

    /// <summary>Managed disk resource id of <paramref name="disk"/>.</summary>
    public string DiskId(ArmVmDisk disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        var rgId = disk.ResourceGroup is null
            ? ResourceGroup?.Id ?? "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/unknown"
            : (ResourceGroup?.Subscription?.Id ?? "/subscriptions/00000000-0000-0000-0000-000000000000") + "/resourceGroups/" + disk.ResourceGroup;
        return rgId + "/providers/Microsoft.Compute/disks/" + disk.Name;
    }

    /// <summary>Text form used in messages.</summary>
    public override string ToString() => Id;
}

/// <summary>The guest agent as the VM instance view reports it.</summary>
public sealed class ArmVmAgent
{
    /// <summary>vmAgentVersion (e.g. 2.7.41491.1102, or "Unknown"); the OS family's current agent when null.</summary>
    public string? Version { get; set; }

    /// <summary>Status code, e.g. ProvisioningState/succeeded or ProvisioningState/Unavailable.</summary>
    public string StatusCode { get; set; } = "ProvisioningState/succeeded";

    /// <summary>Info, Warning, Error.</summary>
    public string Level { get; set; } = "Info";

    /// <summary>Ready, Not Ready.</summary>
    public string DisplayStatus { get; set; } = "Ready";

    /// <summary>Status message.</summary>
    public string? Message { get; set; } = "GuestAgent is running and processing the extensions.";

    /// <summary>When the agent last reported.</summary>
    public DateTimeOffset Time { get; set; } = WorldTime.Ago(TimeSpan.FromMinutes(2));

    /// <summary>A Ready agent.</summary>
    public static ArmVmAgent Ready(string? version = null) => new() { Version = version };

    /// <summary>An unresponsive agent.</summary>
    public static ArmVmAgent NotReady(string version = "Unknown") => new()
    {
        Version = version,
        StatusCode = "ProvisioningState/Unavailable",
        Level = "Warning",
        DisplayStatus = "Not Ready",
        Message = "VM Agent is unresponsive.",
    };
}

/// <summary>An OS or data disk of a VM; also served as a Microsoft.Compute/disks resource.</summary>
public sealed class ArmVmDisk
{
    /// <summary>Disk name.</summary>
    public string Name { get; set; } = "";

    /// <summary>LUN of a data disk; null for the OS disk.</summary>
    public int? Lun { get; set; }

    /// <summary>Size in GiB.</summary>
    public int DiskSizeGb { get; set; } = 127;

    /// <summary>Standard_LRS, Premium_LRS, StandardSSD_LRS, UltraSSD_LRS, PremiumV2_LRS.</summary>
    public string StorageAccountType { get; set; } = "Premium_LRS";

    /// <summary>None, ReadOnly, ReadWrite.</summary>
    public string Caching { get; set; } = "ReadWrite";

    /// <summary>FromImage, Empty, Attach.</summary>
    public string CreateOption { get; set; } = "FromImage";

    /// <summary>Resource group of the managed disk when it differs from the VM's.</summary>
    public string? ResourceGroup { get; set; }

    /// <summary>For an unmanaged disk: the VHD blob URI (then no disk resource exists).</summary>
    public string? VhdUri { get; set; }

    /// <summary>Azure Disk Encryption settings, if encrypted.</summary>
    public ArmAdeSettings? Ade { get; set; }

    /// <summary>Size in bytes.</summary>
    [JsonIgnore]
    public long DiskSizeBytes => (long)DiskSizeGb * 1024 * 1024 * 1024;

    /// <summary>Text form.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({DiskSizeGb} GiB)");
}

/// <summary>Azure Disk Encryption settings of one disk.</summary>
public sealed class ArmAdeSettings
{
    /// <summary>Key vault holding the BEK secret (and KEK).</summary>
    public string KeyVaultId { get; set; } = "";

    /// <summary>BEK secret URL.</summary>
    public string SecretUrl { get; set; } = "";

    /// <summary>KEK URL, if a key encryption key is used.</summary>
    public string? KeyEncryptionKeyUrl { get; set; }
}

/// <summary>A managed disk not attached to a VM of the world.</summary>
public sealed class ArmStandaloneDisk
{
    /// <summary>Disk name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Size in GiB.</summary>
    public int DiskSizeGb { get; set; } = 128;

    /// <summary>SKU.</summary>
    public string StorageAccountType { get; set; } = "Standard_LRS";

    /// <summary>managedBy (a VM id that may not exist), or null for Unattached.</summary>
    public string? ManagedBy { get; set; }

    /// <summary>Azure Disk Encryption settings, if encrypted.</summary>
    public ArmAdeSettings? Ade { get; set; }

    /// <summary>The resource group.</summary>
    [JsonIgnore]
    public ArmResourceGroup? ResourceGroup { get; private set; }

    /// <summary>Resource id.</summary>
    [JsonIgnore]
    public string Id => (ResourceGroup?.Id ?? "") + "/providers/Microsoft.Compute/disks/" + Name;

    internal void Attach(ArmResourceGroup rg) => ResourceGroup = rg;
}
