using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>A restore point collection (Azure Backup keeps one per VM, usually in AzureBackupRG_&lt;location&gt;_1).</summary>
public sealed class ArmRestorePointCollection
{
    /// <summary>Collection name, e.g. AzureBackup_vm01_123456789.</summary>
    public string Name { get; set; } = "";

    /// <summary>Region; the resource group's when null.</summary>
    public string? Location { get; set; }

    /// <summary>properties.source.id: the source VM.</summary>
    public string SourceVmId { get; set; } = "";

    /// <summary>properties.provisioningState.</summary>
    public string ProvisioningState { get; set; } = "Succeeded";

    /// <summary>properties.restorePointCollectionId.</summary>
    public string? CollectionId { get; set; }

    /// <summary>Tags.</summary>
    public Dictionary<string, string> Tags { get; } = [];

    /// <summary>Restore points.</summary>
    public List<ArmRestorePoint> RestorePoints { get; } = [];

    /// <summary>Scenario shorthand: when set and <see cref="RestorePoints"/> is empty, that many daily restore points are made on load.</summary>
    public int? RestorePointCount { get; set; }

    /// <summary>The resource group.</summary>
    [JsonIgnore]
    public ArmResourceGroup? ResourceGroup { get; private set; }

    /// <summary>Resource id.</summary>
    [JsonIgnore]
    public string Id => (ResourceGroup?.Id ?? "") + "/providers/Microsoft.Compute/restorePointCollections/" + Name;

    /// <summary>Region actually used.</summary>
    [JsonIgnore]
    public string EffectiveLocation => Location ?? ResourceGroup?.Location ?? "eastus";

    internal void Attach(ArmResourceGroup rg)
    {
        ResourceGroup = rg;
        CollectionId ??= StableGuid.From("rpc", rg.Id, Name);
        if (RestorePointCount is { } n && RestorePoints.Count == 0)
        {
            WithRestorePoints(n);
        }

        RestorePointCount = null;
    }

    /// <summary>Adds <paramref name="count"/> daily restore points, the newest at <paramref name="newest"/> (default 22 hours ago).</summary>
    public ArmRestorePointCollection WithRestorePoints(int count, DateTimeOffset? newest = null)
    {
        var last = newest ?? WorldTime.Ago(TimeSpan.FromHours(22));
        for (var i = count - 1; i >= 0; i--)
        {
            var t = last.AddDays(-i);
            RestorePoints.Add(new ArmRestorePoint
            {
                Name = StableGuid.From("rp", Name, RestorePoints.Count.ToString(CultureInfo.InvariantCulture)),
                TimeCreated = t,
            });
        }

        return this;
    }
}

/// <summary>A restore point.</summary>
public sealed class ArmRestorePoint
{
    /// <summary>Restore point name.</summary>
    public string Name { get; set; } = "";

    /// <summary>properties.timeCreated.</summary>
    public DateTimeOffset TimeCreated { get; set; }

    /// <summary>CrashConsistent, FileSystemConsistent, ApplicationConsistent.</summary>
    public string ConsistencyMode { get; set; } = "ApplicationConsistent";

    /// <summary>properties.provisioningState.</summary>
    public string ProvisioningState { get; set; } = "Succeeded";
}

/// <summary>Lock level.</summary>
public enum ArmLockLevel
{
    /// <summary>Can read and modify, cannot delete.</summary>
    CanNotDelete,

    /// <summary>Can only read.</summary>
    ReadOnly,
}

/// <summary>A management lock (Microsoft.Authorization/locks).</summary>
public sealed class ArmLock
{
    /// <summary>The scope holding the lock: a subscription, resource group or resource id.</summary>
    public string Scope { get; set; } = "";

    /// <summary>Lock name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Level.</summary>
    public ArmLockLevel Level { get; set; } = ArmLockLevel.CanNotDelete;

    /// <summary>properties.notes.</summary>
    public string? Notes { get; set; }

    /// <summary>properties.owners[].applicationId.</summary>
    public List<string> Owners { get; } = [];

    /// <summary>Lock id.</summary>
    [JsonIgnore]
    public string Id => Scope + "/providers/Microsoft.Authorization/locks/" + Name;
}

/// <summary>A policy definition.</summary>
public sealed class ArmPolicyDefinition
{
    /// <summary>Definition name (a GUID for built-ins).</summary>
    public string Name { get; set; } = "";

    /// <summary>Where a custom definition lives (/subscriptions/{s}); null for a built-in (tenant-level) definition.</summary>
    public string? Scope { get; set; }

    /// <summary>BuiltIn, Custom, Static.</summary>
    public string PolicyType { get; set; } = "Custom";

    /// <summary>All, Indexed.</summary>
    public string Mode { get; set; } = "All";

    /// <summary>Display name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>metadata.category.</summary>
    public string? Category { get; set; }

    /// <summary>properties.parameters (definitions of parameters, with defaultValue).</summary>
    public JsonObject? Parameters { get; set; }

    /// <summary>properties.policyRule ({ "if": …, "then": { "effect": … } }).</summary>
    public JsonObject PolicyRule { get; set; } = [];

    /// <summary>Definition id.</summary>
    [JsonIgnore]
    public string Id => (Scope ?? "") + "/providers/Microsoft.Authorization/policyDefinitions/" + Name;

    /// <summary>
    /// A definition whose effect is a parameter "effect" (allowed Audit/Deny/Disabled, default <paramref name="defaultEffect"/>),
    /// the usual shape of tag and resource-group policies.
    /// </summary>
    public static ArmPolicyDefinition WithEffectParameter(string name, string displayName, JsonObject ifCondition, string defaultEffect = "Deny", string? scope = null, string category = "General")
    {
        return new ArmPolicyDefinition
        {
            Name = name,
            Scope = scope,
            PolicyType = scope is null ? "BuiltIn" : "Custom",
            DisplayName = displayName,
            Category = category,
            Parameters = new JsonObject
            {
                ["effect"] = new JsonObject
                {
                    ["type"] = "String",
                    ["metadata"] = new JsonObject { ["displayName"] = "Effect", ["description"] = "Enable or disable the execution of the policy" },
                    ["allowedValues"] = new JsonArray("Audit", "Deny", "Disabled"),
                    ["defaultValue"] = defaultEffect,
                },
            },
            PolicyRule = new JsonObject { ["if"] = ifCondition, ["then"] = new JsonObject { ["effect"] = "[parameters('effect')]" } },
        };
    }

    /// <summary>A definition with a literal effect.</summary>
    public static ArmPolicyDefinition WithLiteralEffect(string name, string displayName, JsonObject ifCondition, string effect, string? scope = null, string category = "General") => new()
    {
        Name = name,
        Scope = scope,
        PolicyType = scope is null ? "BuiltIn" : "Custom",
        DisplayName = displayName,
        Category = category,
        PolicyRule = new JsonObject { ["if"] = ifCondition, ["then"] = new JsonObject { ["effect"] = effect } },
    };
}

/// <summary>A policy assignment.</summary>
public sealed class ArmPolicyAssignment
{
    /// <summary>Assignment name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Scope (management group, subscription, resource group or resource id).</summary>
    public string Scope { get; set; } = "";

    /// <summary>Id of the assigned definition.</summary>
    public string PolicyDefinitionId { get; set; } = "";

    /// <summary>Display name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>Default or DoNotEnforce.</summary>
    public string EnforcementMode { get; set; } = "Default";

    /// <summary>Excluded scopes.</summary>
    public List<string> NotScopes { get; } = [];

    /// <summary>Parameter values: { "effect": { "value": "Deny" } }.</summary>
    public JsonObject? Parameters { get; set; }

    /// <summary>Assignment id.</summary>
    [JsonIgnore]
    public string Id => Scope + "/providers/Microsoft.Authorization/policyAssignments/" + Name;

    /// <summary>Sets a parameter value and returns the assignment.</summary>
    public ArmPolicyAssignment WithParameter(string name, JsonNode value)
    {
        Parameters ??= [];
        Parameters[name] = new JsonObject { ["value"] = value };
        return this;
    }
}

/// <summary>A key vault with its access policies.</summary>
public sealed class ArmKeyVault
{
    /// <summary>Vault name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Region; the resource group's when null.</summary>
    public string? Location { get; set; }

    /// <summary>standard or premium.</summary>
    public string Sku { get; set; } = "standard";

    /// <summary>properties.enableRbacAuthorization.</summary>
    public bool EnableRbacAuthorization { get; set; }

    /// <summary>properties.enabledForDiskEncryption.</summary>
    public bool EnabledForDiskEncryption { get; set; } = true;

    /// <summary>properties.enableSoftDelete.</summary>
    public bool EnableSoftDelete { get; set; } = true;

    /// <summary>properties.enablePurgeProtection (omitted when null).</summary>
    public bool? EnablePurgeProtection { get; set; }

    /// <summary>properties.accessPolicies.</summary>
    public List<ArmAccessPolicy> AccessPolicies { get; } = [];

    /// <summary>The resource group.</summary>
    [JsonIgnore]
    public ArmResourceGroup? ResourceGroup { get; private set; }

    /// <summary>Resource id.</summary>
    [JsonIgnore]
    public string Id => (ResourceGroup?.Id ?? "") + "/providers/Microsoft.KeyVault/vaults/" + Name;

    /// <summary>https://{name}.vault.azure.net/</summary>
    [JsonIgnore]
    public string VaultUri => "https://" + Name.ToLowerInvariant() + ".vault.azure.net/";

    internal void Attach(ArmResourceGroup rg) => ResourceGroup = rg;

    /// <summary>Adds an access policy for <paramref name="objectId"/> and returns the vault.</summary>
    public ArmKeyVault WithAccessPolicy(string objectId, IEnumerable<string> keys, IEnumerable<string> secrets, IEnumerable<string>? certificates = null)
    {
        var p = new ArmAccessPolicy { ObjectId = objectId };
        p.Keys.AddRange(keys);
        p.Secrets.AddRange(secrets);
        if (certificates is not null)
        {
            p.Certificates.AddRange(certificates);
        }

        AccessPolicies.Add(p);
        return this;
    }

    /// <summary>The access policy the Backup docs ask for (keys: backup,get,list; secrets: get,list) for <paramref name="objectId"/>.</summary>
    public ArmKeyVault WithBackupAccessPolicy(string objectId) => WithAccessPolicy(objectId, ["Get", "List", "Backup"], ["Get", "List", "Backup"]);
}

/// <summary>A key vault access policy entry.</summary>
public sealed class ArmAccessPolicy
{
    /// <summary>Tenant; the world's when null.</summary>
    public string? TenantId { get; set; }

    /// <summary>Object id of the user, group or service principal.</summary>
    public string ObjectId { get; set; } = "";

    /// <summary>Compound-identity application id (rare).</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Key permissions.</summary>
    public List<string> Keys { get; } = [];

    /// <summary>Secret permissions.</summary>
    public List<string> Secrets { get; } = [];

    /// <summary>Certificate permissions.</summary>
    public List<string> Certificates { get; } = [];
}

/// <summary>A service principal known to the fake Graph route.</summary>
public sealed class ArmServicePrincipal
{
    /// <summary>Application (client) id.</summary>
    public string AppId { get; set; } = "";

    /// <summary>Object id in this tenant.</summary>
    public string ObjectId { get; set; } = "";

    /// <summary>Display name.</summary>
    public string? DisplayName { get; set; }
}

/// <summary>An explicit answer of the backupStatus API.</summary>
public sealed class ArmBackupStatusOverride
{
    /// <summary>The VM resource id asked about.</summary>
    public string ResourceId { get; set; } = "";

    /// <summary>Invalid, NotProtected, Protecting, Protected, ProtectionFailed.</summary>
    public string ProtectionStatus { get; set; } = "NotProtected";

    /// <summary>Vault id, if any.</summary>
    public string? VaultId { get; set; }

    /// <summary>Error code.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>Error message.</summary>
    public string? ErrorMessage { get; set; }
}
