using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>A Recovery Services vault with its Azure VM protected items and backup jobs.</summary>
public sealed class ArmRecoveryServicesVault
{
    /// <summary>Vault name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Region; the resource group's when null.</summary>
    public string? Location { get; set; }

    /// <summary>Standard or RS0.</summary>
    public string Sku { get; set; } = "Standard";

    /// <summary>Protected items (Azure IaaS VMs).</summary>
    public List<ArmProtectedItem> ProtectedItems { get; } = [];

    /// <summary>Backup jobs, in any order (listed newest first).</summary>
    public List<ArmBackupJob> Jobs { get; } = [];

    /// <summary>The resource group.</summary>
    [JsonIgnore]
    public ArmResourceGroup? ResourceGroup { get; private set; }

    /// <summary>Resource id.</summary>
    [JsonIgnore]
    public string Id => (ResourceGroup?.Id ?? "") + "/providers/Microsoft.RecoveryServices/vaults/" + Name;

    /// <summary>Region actually used.</summary>
    [JsonIgnore]
    public string EffectiveLocation => Location ?? ResourceGroup?.Location ?? "eastus";

    internal void Attach(ArmResourceGroup rg)
    {
        ResourceGroup = rg;
        for (var i = 0; i < Jobs.Count; i++)
        {
            var job = Jobs[i];
            if (string.IsNullOrEmpty(job.EntityFriendlyName) && ResourceIds.Parse(job.VirtualMachineId) is { Name: { } vmName })
            {
                job.EntityFriendlyName = vmName;
            }

            if (string.IsNullOrEmpty(job.JobId))
            {
                // The job's place in the vault, not its start time: ids stay the same whatever the clock says.
                job.JobId = StableGuid.From("job", Name, job.VirtualMachineId ?? "", job.Operation, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Protects the VM <paramref name="vmId"/> (which need not exist) and returns the protected item.</summary>
    public ArmProtectedItem Protect(string vmId, string policyName = "DefaultPolicy")
    {
        var item = new ArmProtectedItem { VirtualMachineId = vmId, PolicyName = policyName };
        ProtectedItems.Add(item);
        return item;
    }

    /// <summary>Adds a job for the VM <paramref name="vmId"/> and returns it.</summary>
    public ArmBackupJob AddJob(string vmId, string operation, string status, DateTimeOffset startTime, DateTimeOffset? endTime = null)
    {
        var id = ResourceIds.Parse(vmId);
        var job = new ArmBackupJob
        {
            JobId = StableGuid.From("job", Name, vmId, operation, Jobs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            VirtualMachineId = vmId,
            EntityFriendlyName = id?.Name ?? vmId,
            Operation = operation,
            Status = status,
            StartTime = startTime,
            EndTime = endTime,
        };
        Jobs.Add(job);
        return job;
    }

    /// <summary>Finds a protected item by its name (VM;iaasvmcontainerv2;rg;vm), case-insensitive.</summary>
    public ArmProtectedItem? FindProtectedItem(string protectedItemName) =>
        ProtectedItems.FirstOrDefault(p => string.Equals(p.ProtectedItemName, protectedItemName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds the protected item of a VM.</summary>
    public ArmProtectedItem? FindProtectedItemForVm(string vmId) =>
        ProtectedItems.FirstOrDefault(p => ResourceIds.Same(p.VirtualMachineId, vmId));

    /// <summary>Finds a job by name.</summary>
    public ArmBackupJob? FindJob(string jobId) =>
        Jobs.FirstOrDefault(j => string.Equals(j.JobId, jobId, StringComparison.OrdinalIgnoreCase));
}

/// <summary>An Azure IaaS VM protected item.</summary>
public sealed class ArmProtectedItem
{
    /// <summary>The protected VM's resource id (the VM may have been deleted).</summary>
    public string VirtualMachineId { get; set; } = "";

    /// <summary>Protected, ProtectionStopped, IRPending, ProtectionError, ProtectionPaused, BackupsSuspended.</summary>
    public string ProtectionState { get; set; } = "Protected";

    /// <summary>Healthy, Unhealthy (protectionStatus).</summary>
    public string ProtectionStatus { get; set; } = "Healthy";

    /// <summary>Passed, ActionRequired, ActionSuggested, Invalid.</summary>
    public string HealthStatus { get; set; } = "Passed";

    /// <summary>Completed, Failed, IRPending, …</summary>
    public string? LastBackupStatus { get; set; } = "Completed";

    /// <summary>Time of the last backup.</summary>
    public DateTimeOffset? LastBackupTime { get; set; } = WorldTime.Ago(TimeSpan.FromHours(21.75));

    /// <summary>Time of the newest recovery point.</summary>
    public DateTimeOffset? LastRecoveryPoint { get; set; } = WorldTime.Ago(TimeSpan.FromHours(21.85));

    /// <summary>Backup policy name; empty after protection was stopped.</summary>
    public string? PolicyName { get; set; } = "DefaultPolicy";

    /// <summary>Sets the protection state (and related fields) and returns the item.</summary>
    public ArmProtectedItem WithProtectionState(string protectionState)
    {
        ProtectionState = protectionState;
        if (string.Equals(protectionState, "ProtectionStopped", StringComparison.OrdinalIgnoreCase))
        {
            PolicyName = null;
        }

        return this;
    }

    /// <summary>Sets the health of the last backup and returns the item.</summary>
    public ArmProtectedItem WithLastBackup(string status, DateTimeOffset? time, string healthStatus = "Passed", string protectionStatus = "Healthy")
    {
        LastBackupStatus = status;
        LastBackupTime = time;
        HealthStatus = healthStatus;
        ProtectionStatus = protectionStatus;
        return this;
    }

    /// <summary>Resource group of the VM, from its id.</summary>
    [JsonIgnore]
    public string VmResourceGroup => ResourceIds.Parse(VirtualMachineId)?.ResourceGroup ?? "";

    /// <summary>Name of the VM, from its id.</summary>
    [JsonIgnore]
    public string VmName => ResourceIds.Parse(VirtualMachineId)?.Name ?? VirtualMachineId;

    /// <summary>iaasvmcontainerv2;{rg};{vm}</summary>
    [JsonIgnore]
    public string ContainerName => "iaasvmcontainerv2;" + VmResourceGroup + ";" + VmName;

    /// <summary>IaasVMContainer;iaasvmcontainerv2;{rg};{vm} (the container segment of the item id).</summary>
    [JsonIgnore]
    public string ContainerSegment => "IaasVMContainer;" + ContainerName;

    /// <summary>VM;iaasvmcontainerv2;{rg};{vm}</summary>
    [JsonIgnore]
    public string ProtectedItemName => "VM;" + ContainerName;
}

/// <summary>A backup job of a vault.</summary>
public sealed class ArmBackupJob
{
    /// <summary>Job name (a GUID).</summary>
    public string JobId { get; set; } = "";

    /// <summary>The VM the job is about (gives the container name).</summary>
    public string? VirtualMachineId { get; set; }

    /// <summary>properties.entityFriendlyName (the VM name).</summary>
    public string EntityFriendlyName { get; set; } = "";

    /// <summary>Backup, ConfigureBackup, Restore, DeleteBackupData, DisableBackup, …</summary>
    public string Operation { get; set; } = "Backup";

    /// <summary>InProgress, Completed, Failed, CompletedWithWarnings, Cancelled, Cancelling.</summary>
    public string Status { get; set; } = "Completed";

    /// <summary>Start time.</summary>
    public DateTimeOffset StartTime { get; set; }

    /// <summary>End time; null while running.</summary>
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>AzureIaasVM.</summary>
    public string BackupManagementType { get; set; } = "AzureIaasVM";

    /// <summary>AzureIaaSVMJob.</summary>
    public string JobType { get; set; } = "AzureIaaSVMJob";

    /// <summary>properties.activityId.</summary>
    public string? ActivityId { get; set; }

    /// <summary>properties.isUserTriggered (omitted when null).</summary>
    public bool? IsUserTriggered { get; set; }

    /// <summary>properties.errorDetails.</summary>
    public List<ArmJobError> ErrorDetails { get; } = [];

    /// <summary>extendedInfo.tasksList.</summary>
    public List<ArmJobTask> Tasks { get; } = [];

    /// <summary>extendedInfo.propertyBag (VM Name is added when missing).</summary>
    public Dictionary<string, string> PropertyBag { get; } = [];

    /// <summary>extendedInfo.progressPercentage (in-progress jobs).</summary>
    public double? ProgressPercentage { get; set; }

    /// <summary>extendedInfo.dynamicErrorMessage.</summary>
    public string? DynamicErrorMessage { get; set; }

    /// <summary>Adds an error detail and returns the job.</summary>
    public ArmBackupJob WithError(int errorCode, string errorString, params string[] recommendations)
    {
        var e = new ArmJobError { ErrorCode = errorCode, ErrorString = errorString };
        e.Recommendations.AddRange(recommendations);
        ErrorDetails.Add(e);
        return this;
    }

    /// <summary>Adds a task and returns the job.</summary>
    public ArmBackupJob WithTask(string taskId, string status, TimeSpan? duration = null)
    {
        Tasks.Add(new ArmJobTask { TaskId = taskId, Status = status, Duration = duration ?? TimeSpan.Zero });
        return this;
    }
}

/// <summary>One entry of a job's errorDetails.</summary>
public sealed class ArmJobError
{
    /// <summary>Integer error code (e.g. 400094).</summary>
    public int ErrorCode { get; set; }

    /// <summary>Error message.</summary>
    public string ErrorString { get; set; } = "";

    /// <summary>Error title (usually empty).</summary>
    public string ErrorTitle { get; set; } = "";

    /// <summary>Recommendations.</summary>
    public List<string> Recommendations { get; } = [];
}

/// <summary>One task of extendedInfo.tasksList.</summary>
public sealed class ArmJobTask
{
    /// <summary>Take Snapshot, Transfer data to vault, …</summary>
    public string TaskId { get; set; } = "";

    /// <summary>NotStarted, InProgress, Completed, Failed.</summary>
    public string Status { get; set; } = "NotStarted";

    /// <summary>Duration.</summary>
    public TimeSpan Duration { get; set; }
}
