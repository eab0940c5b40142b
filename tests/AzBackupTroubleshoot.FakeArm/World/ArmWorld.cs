using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>
/// The in-memory Azure that the fake ARM serves. Build it with the fluent <c>Add…</c>/<c>With…</c> methods or load it
/// from a scenario file (<see cref="FromJson"/>, <see cref="Scenarios.Load"/>). The server reads and changes it under
/// <see cref="SyncRoot"/>; change a running world through <see cref="Update"/> so requests never see half a change.
/// </summary>
public sealed class ArmWorld
{
    /// <summary>Tenant id used when a world does not name one.</summary>
    public const string DefaultTenantId = "7f9e4c2a-1b3d-4e5f-8a6b-0c1d2e3f4a5b";

    /// <summary>Application (client) id of the Backup Management Service, the same in every tenant.</summary>
    public const string BackupManagementServiceAppId = "262044b1-e2ce-469f-a196-69ab7ada62d3";

    /// <summary>Object id this fake gives the Backup Management Service's service principal (tenant specific in Azure).</summary>
    public const string DefaultBackupManagementServiceObjectId = "b1f6a2c4-93d7-4e0a-8c5b-2f71d9e04a6c";

    private readonly object _syncRoot = new();

    /// <summary>Scenario name (file name without extension), if loaded from a scenario.</summary>
    public string? Name { get; set; }

    /// <summary>What the scenario sets up.</summary>
    public string? Description { get; set; }

    /// <summary>The tenant every subscription belongs to.</summary>
    public string TenantId { get; set; } = DefaultTenantId;

    /// <summary>The instant the world's times are written as of (scenario files); loading moves it to the present.</summary>
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>Resource id of the VM the scenario is about (it may not exist, e.g. a deleted VM).</summary>
    public string? VmUnderTest { get; set; }

    /// <summary>Subscriptions, in listing order.</summary>
    public List<ArmSubscription> Subscriptions { get; } = [];

    /// <summary>Management locks at any scope (subscription, resource group, resource).</summary>
    public List<ArmLock> Locks { get; } = [];

    /// <summary>Policy definitions (built-in ones have no scope; custom ones live at a subscription).</summary>
    public List<ArmPolicyDefinition> PolicyDefinitions { get; } = [];

    /// <summary>Policy assignments at any scope.</summary>
    public List<ArmPolicyAssignment> PolicyAssignments { get; } = [];

    /// <summary>Service principals known to the fake Microsoft Graph route (app id → object id).</summary>
    public List<ArmServicePrincipal> ServicePrincipals { get; } = [];

    /// <summary>Explicit answers of the backupStatus API for a resource id; without one the answer is derived from protected items.</summary>
    public List<ArmBackupStatusOverride> BackupStatusOverrides { get; } = [];

    /// <summary>Lock taken by the server around every request; take it (or use <see cref="Update"/>) to change a running world.</summary>
    [JsonIgnore]
    public object SyncRoot => _syncRoot;

    /// <summary>The object id of the Backup Management Service in this world's tenant (from <see cref="ServicePrincipals"/>).</summary>
    [JsonIgnore]
    public string BackupManagementServiceObjectId =>
        ServicePrincipals.FirstOrDefault(sp => string.Equals(sp.AppId, BackupManagementServiceAppId, StringComparison.OrdinalIgnoreCase))?.ObjectId
        ?? DefaultBackupManagementServiceObjectId;

    /// <summary>Adds a subscription (listing order is insertion order).</summary>
    public ArmSubscription AddSubscription(string subscriptionId, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        var sub = new ArmSubscription { SubscriptionId = subscriptionId, DisplayName = displayName ?? "Subscription " + subscriptionId[..8] };
        sub.Attach(this);
        Subscriptions.Add(sub);
        return sub;
    }

    /// <summary>Sets the VM under test and returns the world.</summary>
    public ArmWorld WithVmUnderTest(string resourceId)
    {
        VmUnderTest = resourceId;
        return this;
    }

    /// <summary>Sets the description and returns the world.</summary>
    public ArmWorld WithDescription(string description)
    {
        Description = description;
        return this;
    }

    /// <summary>Adds a management lock at <paramref name="scope"/> (a subscription, resource group or resource id).</summary>
    public ArmLock AddLock(string scope, string name, ArmLockLevel level, string? notes = null, params string[] ownerApplicationIds)
    {
        var l = new ArmLock { Scope = ResourceIds.Normalize(scope), Name = name, Level = level, Notes = notes };
        l.Owners.AddRange(ownerApplicationIds);
        Locks.Add(l);
        return l;
    }

    /// <summary>Adds a policy definition and returns it.</summary>
    public ArmPolicyDefinition AddPolicyDefinition(ArmPolicyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        PolicyDefinitions.Add(definition);
        return definition;
    }

    /// <summary>Assigns <paramref name="definition"/> at <paramref name="scope"/>.</summary>
    public ArmPolicyAssignment AddPolicyAssignment(string scope, string name, ArmPolicyDefinition definition, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var a = new ArmPolicyAssignment
        {
            Scope = ResourceIds.Normalize(scope),
            Name = name,
            PolicyDefinitionId = definition.Id,
            DisplayName = displayName ?? definition.DisplayName,
        };
        PolicyAssignments.Add(a);
        return a;
    }

    /// <summary>Adds or replaces a service principal for the fake Graph route.</summary>
    public ArmWorld WithServicePrincipal(string appId, string objectId, string displayName)
    {
        ServicePrincipals.RemoveAll(sp => string.Equals(sp.AppId, appId, StringComparison.OrdinalIgnoreCase));
        ServicePrincipals.Add(new ArmServicePrincipal { AppId = appId, ObjectId = objectId, DisplayName = displayName });
        return this;
    }

    /// <summary>Sets what the backupStatus API answers for <paramref name="resourceId"/>.</summary>
    public ArmBackupStatusOverride SetBackupStatus(string resourceId, string protectionStatus, string? errorCode = null, string? errorMessage = null)
    {
        BackupStatusOverrides.RemoveAll(o => ResourceIds.Same(o.ResourceId, resourceId));
        var o = new ArmBackupStatusOverride { ResourceId = resourceId, ProtectionStatus = protectionStatus, ErrorCode = errorCode, ErrorMessage = errorMessage };
        BackupStatusOverrides.Add(o);
        return o;
    }

    /// <summary>Every lock with everything that must survive a remediation (id, level, notes, owners), sorted: compare two of these.</summary>
    public IReadOnlyList<string> LockSnapshot()
    {
        lock (_syncRoot)
        {
            return Locks
                .Select(l => $"{l.Id.ToUpperInvariant()} {l.Level} notes='{l.Notes}' owners={string.Join(",", l.Owners)}")
                .Order(StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>Runs <paramref name="change"/> under <see cref="SyncRoot"/>, then re-links parents.</summary>
    public void Update(Action<ArmWorld> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_syncRoot)
        {
            change(this);
            Link();
        }
    }

    /// <summary>Finds a subscription by id.</summary>
    public ArmSubscription? FindSubscription(string subscriptionId) =>
        Subscriptions.FirstOrDefault(s => string.Equals(s.SubscriptionId, subscriptionId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a resource group by subscription id and name.</summary>
    public ArmResourceGroup? FindResourceGroup(string subscriptionId, string resourceGroupName) =>
        FindSubscription(subscriptionId)?.FindResourceGroup(resourceGroupName);

    /// <summary>Finds a VM by resource id.</summary>
    public ArmVirtualMachine? FindVirtualMachine(string resourceId)
    {
        var id = ResourceIds.Parse(resourceId);
        if (id is null || id.ResourceGroup is null || id.Name is null)
        {
            return null;
        }

        return FindResourceGroup(id.SubscriptionId, id.ResourceGroup)?.FindVirtualMachine(id.Name);
    }

    /// <summary>All VMs of all subscriptions.</summary>
    public IEnumerable<ArmVirtualMachine> AllVirtualMachines() =>
        Subscriptions.SelectMany(s => s.ResourceGroups).SelectMany(rg => rg.VirtualMachines);

    /// <summary>All restore point collections of all subscriptions.</summary>
    public IEnumerable<ArmRestorePointCollection> AllRestorePointCollections() =>
        Subscriptions.SelectMany(s => s.ResourceGroups).SelectMany(rg => rg.RestorePointCollections);

    /// <summary>All Recovery Services vaults of all subscriptions.</summary>
    public IEnumerable<ArmRecoveryServicesVault> AllRecoveryServicesVaults() =>
        Subscriptions.SelectMany(s => s.ResourceGroups).SelectMany(rg => rg.RecoveryServicesVaults);

    /// <summary>Sets every parent reference (after loading or after changing lists directly).</summary>
    public ArmWorld Link()
    {
        foreach (var sub in Subscriptions)
        {
            sub.Attach(this);
            foreach (var rg in sub.ResourceGroups)
            {
                rg.Attach(sub);
                foreach (var vm in rg.VirtualMachines)
                {
                    vm.Attach(rg);
                }

                foreach (var rpc in rg.RestorePointCollections)
                {
                    rpc.Attach(rg);
                }

                foreach (var kv in rg.KeyVaults)
                {
                    kv.Attach(rg);
                }

                foreach (var v in rg.RecoveryServicesVaults)
                {
                    v.Attach(rg);
                }

                foreach (var d in rg.Disks)
                {
                    d.Attach(rg);
                }
            }
        }

        if (ServicePrincipals.Count == 0)
        {
            ServicePrincipals.Add(new ArmServicePrincipal
            {
                AppId = BackupManagementServiceAppId,
                ObjectId = DefaultBackupManagementServiceObjectId,
                DisplayName = "Backup Management Service",
            });
        }

        return this;
    }

    /// <summary>Serializes the world to the compact scenario format.</summary>
    public string ToJson()
    {
        lock (_syncRoot)
        {
            return JsonSerializer.Serialize(this, WorldJson.Options);
        }
    }

    /// <summary>Reads a world from the compact scenario format.</summary>
    public static ArmWorld FromJson(string json)
    {
        var world = JsonSerializer.Deserialize<ArmWorld>(json, WorldJson.Options)
            ?? throw new InvalidDataException("The scenario JSON is empty.");
        return world.Link();
    }

    /// <summary>Reads a world from a scenario file, its times moved so that its <c>asOf</c> is now (<see cref="WorldTime"/>).</summary>
    public static ArmWorld LoadFile(string path)
    {
        var document = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            as JsonObject ?? throw new InvalidDataException($"The scenario '{path}' is not a JSON object.");
        WorldTime.Rebase(document, WorldTime.Now);
        var world = FromJson(document.ToJsonString());
        world.Name ??= Path.GetFileNameWithoutExtension(path);
        return world;
    }

    /// <summary>A deep copy (through the scenario format).</summary>
    public ArmWorld Clone() => FromJson(ToJson());
}

/// <summary>Serializer settings of the scenario format.</summary>
internal static class WorldJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };
}
