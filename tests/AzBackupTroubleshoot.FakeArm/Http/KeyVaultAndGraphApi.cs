using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace AzBackupTroubleshoot.FakeArm.Http;

/// <summary>Microsoft.KeyVault vaults (management plane: access policies, RBAC mode).</summary>
internal static class KeyVaultApi
{
    public static void Register(Router r)
    {
        r.Add("GET", "subscriptions/{sub}/providers/Microsoft.KeyVault/vaults", ListInSubscription);
        r.Add("GET", "subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.KeyVault/vaults", ListInResourceGroup);
        r.Add("GET", "subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.KeyVault/vaults/{vault}", Get);
    }

    internal static JsonObject VaultJson(ArmKeyVault kv, string tenantId)
    {
        var props = new JsonObject
        {
            ["sku"] = new JsonObject { ["family"] = "A", ["name"] = kv.Sku },
            ["tenantId"] = tenantId,
            ["accessPolicies"] = J.Array(kv.AccessPolicies.Select(p =>
            {
                var o = new JsonObject { ["tenantId"] = p.TenantId ?? tenantId, ["objectId"] = p.ObjectId };
                if (p.ApplicationId is not null)
                {
                    o["applicationId"] = p.ApplicationId;
                }

                o["permissions"] = new JsonObject
                {
                    ["keys"] = J.Strings(p.Keys),
                    ["secrets"] = J.Strings(p.Secrets),
                    ["certificates"] = J.Strings(p.Certificates),
                };
                return (JsonNode?)o;
            })),
            ["enabledForDeployment"] = false,
            ["enabledForDiskEncryption"] = kv.EnabledForDiskEncryption,
            ["enabledForTemplateDeployment"] = false,
            ["enableSoftDelete"] = kv.EnableSoftDelete,
            ["softDeleteRetentionInDays"] = 90,
            ["enableRbacAuthorization"] = kv.EnableRbacAuthorization,
        };
        if (kv.EnablePurgeProtection is { } pp)
        {
            props["enablePurgeProtection"] = pp;
        }

        props["vaultUri"] = kv.VaultUri;
        props["provisioningState"] = "Succeeded";
        props["publicNetworkAccess"] = "Enabled";
        return new JsonObject
        {
            ["id"] = kv.Id,
            ["name"] = kv.Name,
            ["type"] = "Microsoft.KeyVault/vaults",
            ["location"] = kv.Location ?? kv.ResourceGroup?.Location ?? "eastus",
            ["tags"] = new JsonObject(),
            ["properties"] = props,
        };
    }

    private static ArmResponse ListInSubscription(ArmRequest r)
    {
        if (Lookup.Subscription(r, out var sub) is { } err)
        {
            return err;
        }

        return ArmResponse.Ok(r.Page(sub.ResourceGroups.SelectMany(rg => rg.KeyVaults).Select(kv => (JsonNode)VaultJson(kv, r.World.TenantId))));
    }

    private static ArmResponse ListInResourceGroup(ArmRequest r)
    {
        if (Lookup.ResourceGroup(r, out var rg) is { } err)
        {
            return err;
        }

        return ArmResponse.Ok(r.Page(rg.KeyVaults.Select(kv => (JsonNode)VaultJson(kv, r.World.TenantId))));
    }

    private static ArmResponse Get(ArmRequest r)
    {
        if (Lookup.ResourceGroup(r, out var rg) is { } err)
        {
            return err;
        }

        var kv = rg.FindKeyVault(r["vault"]);
        return kv is null
            ? ArmErrors.ResourceNotFound("Microsoft.KeyVault/vaults", r["vault"], r["rg"])
            : ArmResponse.Ok(VaultJson(kv, r.World.TenantId));
    }
}

/// <summary>
/// A sliver of Microsoft Graph (v1.0) on the same host, so a test can resolve the Backup Management Service's object id
/// from its app id: GET /v1.0/servicePrincipals(appId='…') and GET /v1.0/servicePrincipals?$filter=appId eq '…'.
/// </summary>
internal static class GraphApi
{
    public static Func<ArmRequest, ArmResponse>? Route(string[] segments)
    {
        if (segments.Length != 2 || !segments[0].Equals("v1.0", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var s = segments[1];
        const string Prefix = "servicePrincipals(appId='";
        if (s.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && s.EndsWith("')", StringComparison.Ordinal))
        {
            var appId = s[Prefix.Length..^2];
            return r => ByAppId(r, appId);
        }

        if (s.Equals("servicePrincipals", StringComparison.OrdinalIgnoreCase))
        {
            return List;
        }

        return null;
    }

    private static JsonObject SpJson(ArmServicePrincipal sp) => new()
    {
        ["id"] = sp.ObjectId,
        ["appId"] = sp.AppId,
        ["displayName"] = sp.DisplayName,
        ["servicePrincipalType"] = "Application",
        ["accountEnabled"] = true,
    };

    private static ArmResponse ByAppId(ArmRequest r, string appId)
    {
        var sp = r.World.ServicePrincipals.FirstOrDefault(x => string.Equals(x.AppId, appId, StringComparison.OrdinalIgnoreCase));
        if (sp is null)
        {
            return ArmResponse.Error(404, "Request_ResourceNotFound", $"Resource '{appId}' does not exist or one of its queried reference-property objects are not present.");
        }

        var o = SpJson(sp);
        o["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity";
        return ArmResponse.Ok(o);
    }

    private static ArmResponse List(ArmRequest r)
    {
        var items = r.World.ServicePrincipals.AsEnumerable();
        var filter = r.Query("$filter");
        if (filter is not null)
        {
            var clauses = ODataFilter.Parse(filter);
            foreach (var c in clauses)
            {
                if (!c.Field.Equals("appId", StringComparison.OrdinalIgnoreCase) || c.Operator != "eq")
                {
                    return ArmResponse.Error(400, "Request_UnsupportedQuery", "Unsupported query.");
                }

                items = items.Where(x => string.Equals(x.AppId, c.Value, StringComparison.OrdinalIgnoreCase));
            }
        }

        return ArmResponse.Ok(new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals",
            ["value"] = J.Array(items.Select(sp => (JsonNode?)SpJson(sp))),
        });
    }
}
