using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace AzBackupTroubleshoot.FakeArm.Http;

/// <summary>Cloud metadata, subscriptions, resource groups and resource providers.</summary>
internal static class ResourceManagerApi
{
    private static readonly Dictionary<string, (string Type, string[] ApiVersions)[]> Providers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.Compute"] =
        [
            ("virtualMachines", ["2025-04-01", "2024-11-01", "2024-07-01", "2024-03-01", "2023-09-01", "2023-07-01", "2023-03-01", "2022-11-01", "2022-08-01"]),
            ("virtualMachines/extensions", ["2025-04-01", "2024-11-01", "2024-07-01", "2024-03-01", "2023-09-01", "2023-07-01", "2023-03-01", "2022-11-01", "2022-08-01"]),
            ("restorePointCollections", ["2025-04-01", "2024-11-01", "2024-07-01", "2024-03-01", "2023-09-01", "2023-07-01", "2023-03-01", "2022-11-01", "2022-08-01"]),
            ("restorePointCollections/restorePoints", ["2025-04-01", "2024-11-01", "2024-07-01", "2024-03-01", "2023-09-01", "2023-07-01", "2023-03-01", "2022-11-01", "2022-08-01"]),
            ("disks", ["2025-01-02", "2024-03-02", "2023-10-02", "2023-04-02", "2023-01-02", "2022-07-02"]),
            ("locations", ["2025-04-01", "2024-11-01", "2024-07-01", "2023-07-01"]),
            ("locations/operations", ["2025-04-01", "2024-11-01", "2024-07-01", "2023-07-01"]),
        ],
        ["Microsoft.RecoveryServices"] =
        [
            ("vaults", ["2025-08-01", "2025-02-01", "2024-10-01", "2024-04-01", "2023-08-01", "2023-04-01", "2023-02-01"]),
            ("vaults/backupJobs", ["2025-08-01", "2025-02-01", "2024-10-01", "2024-04-01", "2023-08-01", "2023-04-01", "2023-02-01"]),
            ("vaults/backupProtectedItems", ["2025-08-01", "2025-02-01", "2024-10-01", "2024-04-01", "2023-08-01", "2023-04-01", "2023-02-01"]),
            ("locations/backupStatus", ["2025-08-01", "2025-02-01", "2024-10-01", "2024-04-01", "2023-08-01", "2023-04-01", "2023-02-01"]),
        ],
        ["Microsoft.KeyVault"] =
        [
            ("vaults", ["2024-11-01", "2024-04-01-preview", "2023-07-01", "2023-02-01", "2022-07-01", "2021-10-01"]),
        ],
        ["Microsoft.Authorization"] =
        [
            ("locks", ["2020-05-01", "2017-04-01", "2016-09-01", "2015-01-01"]),
            ("policyAssignments", ["2025-03-01", "2024-04-01", "2023-04-01", "2022-06-01", "2021-06-01"]),
            ("policyDefinitions", ["2025-03-01", "2024-05-01", "2023-04-01", "2021-06-01", "2020-09-01"]),
        ],
    };

    public static void Register(Router r)
    {
        r.Add("GET", "metadata/endpoints", Metadata);
        r.Add("GET", "subscriptions", ListSubscriptions);
        r.Add("GET", "subscriptions/{sub}", GetSubscription);
        r.Add("GET", "subscriptions/{sub}/resourcegroups", ListResourceGroups);
        r.Add("GET,HEAD", "subscriptions/{sub}/resourcegroups/{rg}", GetResourceGroup);
        r.Add("GET", "subscriptions/{sub}/providers", ListProviders);
        r.Add("GET", "subscriptions/{sub}/providers/{ns}", GetProvider);
    }

    /// <summary>
    /// Cloud metadata. api-version 2019-05-01 and later answer an array of clouds (the Azure CLI form); older versions
    /// (Az PowerShell asks 2015-01-01) answer the single-object form. Both name this server as resourceManager and audience
    /// (or <see cref="FakeArmOptions.MetadataAudience"/>).
    /// </summary>
    private static ArmResponse Metadata(ArmRequest r)
    {
        var arm = r.Server.Endpoint.ToString();
        var audiences = r.Options.MetadataAudience is { } audience ? new JsonArray(audience) : new JsonArray(arm, arm.TrimEnd('/'));
        var api = r.Query("api-version");
        if (api is null || string.CompareOrdinal(api, "2019-05-01") < 0)
        {
            return ArmResponse.Ok(new JsonObject
            {
                ["galleryEndpoint"] = arm,
                ["graphEndpoint"] = "https://graph.windows.net/",
                ["portalEndpoint"] = "https://portal.azure.com/",
                ["resourceManager"] = arm,
                ["authentication"] = new JsonObject
                {
                    ["loginEndpoint"] = "https://login.microsoftonline.com/",
                    ["audiences"] = audiences,
                },
            });
        }

        return ArmResponse.Ok(new JsonArray(new JsonObject
        {
            ["portal"] = "https://portal.azure.com",
            ["authentication"] = new JsonObject
            {
                ["loginEndpoint"] = "https://login.microsoftonline.com",
                ["audiences"] = audiences,
                ["tenant"] = "common",
                ["identityProvider"] = "AAD",
            },
            ["media"] = "https://rest.media.azure.net",
            ["graphAudience"] = "https://graph.windows.net/",
            ["graph"] = "https://graph.windows.net/",
            ["name"] = "FakeArm",
            ["suffixes"] = new JsonObject
            {
                ["azureDataLakeStoreFileSystem"] = "azuredatalakestore.net",
                ["acrLoginServer"] = "azurecr.io",
                ["sqlServerHostname"] = "database.windows.net",
                ["keyVaultDns"] = "vault.azure.net",
                ["storage"] = "core.windows.net",
            },
            ["batch"] = "https://batch.core.windows.net/",
            ["resourceManager"] = arm,
            ["sqlManagement"] = "https://management.core.windows.net:8443/",
            // The fake answers Microsoft Graph itself, so nothing a test runs ever leaves loopback.
            ["microsoftGraphResourceId"] = arm,
        }));
    }

    internal static JsonObject SubscriptionJson(ArmSubscription s, string tenantId) => new()
    {
        ["id"] = s.Id,
        ["authorizationSource"] = "RoleBased",
        ["managedByTenants"] = new JsonArray(),
        ["subscriptionId"] = s.SubscriptionId,
        ["tenantId"] = tenantId,
        ["displayName"] = s.DisplayName,
        ["state"] = s.State,
        ["subscriptionPolicies"] = new JsonObject
        {
            ["locationPlacementId"] = "Public_2014-09-01",
            ["quotaId"] = "PayAsYouGo_2014-09-01",
            ["spendingLimit"] = "Off",
        },
    };

    private static ArmResponse ListSubscriptions(ArmRequest r)
    {
        var page = r.Page(r.World.Subscriptions, s => (JsonNode)SubscriptionJson(s, r.World.TenantId));
        page["count"] = new JsonObject { ["type"] = "Total", ["value"] = r.World.Subscriptions.Count };
        return ArmResponse.Ok(page);
    }

    private static ArmResponse GetSubscription(ArmRequest r) =>
        Lookup.Subscription(r, out var s) ?? ArmResponse.Ok(SubscriptionJson(s, r.World.TenantId));

    internal static JsonObject ResourceGroupJson(ArmResourceGroup rg)
    {
        var o = new JsonObject
        {
            ["id"] = rg.Id,
            ["name"] = rg.Name,
            ["type"] = "Microsoft.Resources/resourceGroups",
            ["location"] = rg.Location,
        };
        if (rg.Tags.Count > 0)
        {
            o["tags"] = J.Tags(rg.Tags);
        }

        o["properties"] = new JsonObject { ["provisioningState"] = "Succeeded" };
        return o;
    }

    private static ArmResponse ListResourceGroups(ArmRequest r)
    {
        if (Lookup.Subscription(r, out var sub) is { } err)
        {
            return err;
        }

        return ArmResponse.Ok(r.Page(sub.ResourceGroups, rg => (JsonNode)ResourceGroupJson(rg)));
    }

    private static ArmResponse GetResourceGroup(ArmRequest r)
    {
        if (Lookup.ResourceGroup(r, out var rg) is { } err)
        {
            return err;
        }

        return string.Equals(r.Method, "HEAD", StringComparison.OrdinalIgnoreCase) ? ArmResponse.Empty(204) : ArmResponse.Ok(ResourceGroupJson(rg));
    }

    private static JsonObject ProviderJson(ArmSubscription sub, string ns, (string Type, string[] ApiVersions)[] types, IEnumerable<string> locations)
    {
        var locs = J.Strings(locations);
        return new JsonObject
        {
            ["id"] = sub.Id + "/providers/" + ns,
            ["namespace"] = ns,
            ["registrationState"] = "Registered",
            ["registrationPolicy"] = "RegistrationRequired",
            ["resourceTypes"] = J.Array(types.Select(t => (JsonNode?)new JsonObject
            {
                ["resourceType"] = t.Type,
                ["locations"] = locs.DeepClone(),
                ["apiVersions"] = J.Strings(t.ApiVersions),
                ["defaultApiVersion"] = t.ApiVersions[0],
                ["capabilities"] = "SupportsTags, SupportsLocation",
            })),
        };
    }

    private static IEnumerable<string> Locations(ArmSubscription sub)
    {
        var fromWorld = sub.ResourceGroups.Select(rg => DisplayLocation(rg.Location));
        return fromWorld.Concat(["East US", "West Europe"]).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private static string DisplayLocation(string location) => location.ToLowerInvariant() switch
    {
        "eastus" => "East US",
        "eastus2" => "East US 2",
        "westus" => "West US",
        "westus2" => "West US 2",
        "westeurope" => "West Europe",
        "northeurope" => "North Europe",
        "southeastasia" => "Southeast Asia",
        _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(location),
    };

    private static ArmResponse ListProviders(ArmRequest r)
    {
        if (Lookup.Subscription(r, out var sub) is { } err)
        {
            return err;
        }

        var locs = Locations(sub).ToList();
        return ArmResponse.Ok(r.Page(Providers, p => (JsonNode)ProviderJson(sub, p.Key, p.Value, locs)));
    }

    private static ArmResponse GetProvider(ArmRequest r)
    {
        if (Lookup.Subscription(r, out var sub) is { } err)
        {
            return err;
        }

        return Providers.TryGetValue(r["ns"], out var types)
            ? ArmResponse.Ok(ProviderJson(sub, Providers.Keys.First(k => k.Equals(r["ns"], StringComparison.OrdinalIgnoreCase)), types, Locations(sub)))
            : ArmResponse.Error(404, "InvalidResourceNamespace", $"The resource namespace '{r["ns"]}' is invalid.");
    }
}
