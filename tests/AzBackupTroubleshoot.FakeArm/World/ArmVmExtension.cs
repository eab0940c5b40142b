using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>A VM extension: the Microsoft.Compute/virtualMachines/extensions resource and its instance view.</summary>
public sealed class ArmVmExtension
{
    /// <summary>Publisher of the Azure Backup snapshot extensions.</summary>
    public const string RecoveryServicesPublisher = "Microsoft.Azure.RecoveryServices";

    /// <summary>Extension (resource) name.</summary>
    public string Name { get; set; } = "";

    /// <summary>properties.publisher.</summary>
    public string Publisher { get; set; } = "";

    /// <summary>properties.type.</summary>
    public string Type { get; set; } = "";

    /// <summary>properties.typeHandlerVersion.</summary>
    public string TypeHandlerVersion { get; set; } = "1.0";

    /// <summary>properties.provisioningState: Succeeded, Failed, Creating, Updating, Deleting.</summary>
    public string ProvisioningState { get; set; } = "Succeeded";

    /// <summary>properties.autoUpgradeMinorVersion.</summary>
    public bool AutoUpgradeMinorVersion { get; set; } = true;

    /// <summary>properties.settings (public settings), if any.</summary>
    public JsonObject? Settings { get; set; }

    /// <summary>Instance view status code; derived from <see cref="ProvisioningState"/> when null.</summary>
    public string? StatusCode { get; set; }

    /// <summary>Instance view status level; derived when null.</summary>
    public string? StatusLevel { get; set; }

    /// <summary>Instance view display status; derived when null.</summary>
    public string? DisplayStatus { get; set; }

    /// <summary>Instance view status message.</summary>
    public string? StatusMessage { get; set; }

    /// <summary>Instance view substatuses.</summary>
    public List<ArmInstanceStatus> Substatuses { get; } = [];

    /// <summary>Sets the provisioning state and the status message; returns the extension.</summary>
    public ArmVmExtension WithState(string provisioningState, string? message = null)
    {
        ProvisioningState = provisioningState;
        StatusMessage = message;
        return this;
    }

    /// <summary>Windows Azure Backup snapshot extension.</summary>
    public static ArmVmExtension VmSnapshot() => new()
    {
        Name = "VMSnapshot",
        Publisher = RecoveryServicesPublisher,
        Type = "VMSnapshot",
        TypeHandlerVersion = "1.9",
        StatusMessage = "Snapshot extension is ready.",
    };

    /// <summary>Linux Azure Backup snapshot extension.</summary>
    public static ArmVmExtension VmSnapshotLinux() => new()
    {
        Name = "VMSnapshotLinux",
        Publisher = RecoveryServicesPublisher,
        Type = "VMSnapshotLinux",
        TypeHandlerVersion = "1.0",
        StatusMessage = "Snapshot extension is ready.",
    };

    /// <summary>Windows Azure Disk Encryption extension (single pass).</summary>
    public static ArmVmExtension AzureDiskEncryption() => new()
    {
        Name = "AzureDiskEncryption",
        Publisher = "Microsoft.Azure.Security",
        Type = "AzureDiskEncryption",
        TypeHandlerVersion = "2.2",
        Settings = new JsonObject { ["EncryptionOperation"] = "EnableEncryption", ["VolumeType"] = "All", ["KeyEncryptionAlgorithm"] = "RSA-OAEP" },
        StatusMessage = "[2.2.0.44] Encryption succeeded for all volumes",
    };

    /// <summary>Linux Azure Disk Encryption extension (single pass).</summary>
    public static ArmVmExtension AzureDiskEncryptionForLinux() => new()
    {
        Name = "AzureDiskEncryptionForLinux",
        Publisher = "Microsoft.Azure.Security",
        Type = "AzureDiskEncryptionForLinux",
        TypeHandlerVersion = "1.1",
        Settings = new JsonObject { ["EncryptionOperation"] = "EnableEncryption", ["VolumeType"] = "All", ["KeyEncryptionAlgorithm"] = "RSA-OAEP" },
        StatusMessage = "Encryption succeeded for all volumes",
    };

    /// <summary>Windows Custom Script Extension.</summary>
    public static ArmVmExtension CustomScript() => new()
    {
        Name = "CustomScriptExtension",
        Publisher = "Microsoft.Compute",
        Type = "CustomScriptExtension",
        TypeHandlerVersion = "1.10",
        StatusMessage = "Command execution finished",
    };

    /// <summary>Linux Custom Script extension.</summary>
    public static ArmVmExtension CustomScriptLinux() => new()
    {
        Name = "CustomScript",
        Publisher = "Microsoft.Azure.Extensions",
        Type = "CustomScript",
        TypeHandlerVersion = "2.1",
        StatusMessage = "Enable succeeded",
    };

    /// <summary>SQL Server IaaS Agent extension.</summary>
    public static ArmVmExtension SqlIaasAgent() => new()
    {
        Name = "SqlIaasExtension",
        Publisher = "Microsoft.SqlServer.Management",
        Type = "SqlIaaSAgent",
        TypeHandlerVersion = "2.0",
    };

    /// <summary>Azure Site Recovery mobility extension (Windows).</summary>
    public static ArmVmExtension SiteRecoveryWindows() => new()
    {
        Name = "SiteRecovery-Windows",
        Publisher = "Microsoft.Azure.RecoveryServices.SiteRecovery",
        Type = "Windows",
        TypeHandlerVersion = "1.0",
    };

    /// <summary>Text form.</summary>
    public override string ToString() => Name + " (" + Publisher + "." + Type + ", " + ProvisioningState + ")";
}

/// <summary>An instance view status entry.</summary>
public sealed class ArmInstanceStatus
{
    /// <summary>Status code.</summary>
    public string Code { get; set; } = "";

    /// <summary>Info, Warning, Error.</summary>
    public string Level { get; set; } = "Info";

    /// <summary>Short label.</summary>
    public string? DisplayStatus { get; set; }

    /// <summary>Message.</summary>
    public string? Message { get; set; }
}
