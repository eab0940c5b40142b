using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AzBackupTroubleshoot.FakeArm.Http;

/// <summary>
/// The subscription's generic resource list (Resources - List): every resource of the world with its id, name, type,
/// location and tags, narrowed by the $filter ARM accepts there — "eq" on resourceType, name, resourceGroup and
/// location, and substringof on name and resourceGroup.
/// </summary>
internal static class GenericResourcesApi
{
    public static void Register(Router r) => r.Add("GET", "subscriptions/{sub}/resources", List);

    private static ArmResponse List(ArmRequest r)
    {
        if (Lookup.Subscription(r, out var sub) is { } err)
        {
            return err;
        }

        IEnumerable<GenericResource> resources = ResourcesOf(sub).ToList();
        try
        {
            foreach (var clause in ODataFilter.Parse(r.Query("$filter")))
            {
                resources = Narrow(resources, clause);
            }
        }
        catch (FormatException e)
        {
            return ArmErrors.BadRequest("InvalidFilterInQueryString", e.Message);
        }

        return ArmResponse.Ok(r.Page(resources, Render));
    }

    private static IEnumerable<GenericResource> Narrow(IEnumerable<GenericResource> resources, FilterClause clause)
    {
        Func<GenericResource, string> field = clause.Field.ToLowerInvariant() switch
        {
            "resourcetype" when clause.Operator == "eq" => g => g.Type,
            "location" when clause.Operator == "eq" => g => g.Location,
            "name" when clause.Operator is "eq" or "substringof" => g => g.Name,
            "resourcegroup" when clause.Operator is "eq" or "substringof" => g => g.ResourceGroup,
            _ => throw new FormatException($"The resource list cannot filter on '{clause.Field} {clause.Operator}'."),
        };
        var value = clause.Value ?? string.Empty;
        return clause.Operator == "eq"
            ? resources.Where(g => string.Equals(field(g), value, StringComparison.OrdinalIgnoreCase))
            : resources.Where(g => field(g).Contains(value, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<GenericResource> ResourcesOf(ArmSubscription sub)
    {
        foreach (var rg in sub.ResourceGroups)
        {
            foreach (var vm in rg.VirtualMachines)
            {
                yield return new GenericResource(vm.Id, vm.Name, "Microsoft.Compute/virtualMachines", rg.Name, vm.EffectiveLocation);
                foreach (var disk in vm.AllDisks)
                {
                    yield return new GenericResource(vm.DiskId(disk), disk.Name, "Microsoft.Compute/disks", rg.Name, vm.EffectiveLocation);
                }
            }

            foreach (var disk in rg.Disks)
            {
                yield return new GenericResource(disk.Id, disk.Name, "Microsoft.Compute/disks", rg.Name, rg.Location);
            }

            foreach (var collection in rg.RestorePointCollections)
            {
                yield return new GenericResource(collection.Id, collection.Name, "Microsoft.Compute/restorePointCollections", rg.Name, collection.EffectiveLocation);
            }

            foreach (var vault in rg.RecoveryServicesVaults)
            {
                yield return new GenericResource(vault.Id, vault.Name, "Microsoft.RecoveryServices/vaults", rg.Name, vault.EffectiveLocation);
            }

            foreach (var keyVault in rg.KeyVaults)
            {
                yield return new GenericResource(keyVault.Id, keyVault.Name, "Microsoft.KeyVault/vaults", rg.Name, keyVault.Location ?? rg.Location);
            }
        }
    }

    private static JsonNode Render(GenericResource g) => new JsonObject
    {
        ["id"] = g.Id,
        ["name"] = g.Name,
        ["type"] = g.Type,
        ["location"] = g.Location,
    };

    private sealed record GenericResource(string Id, string Name, string Type, string ResourceGroup, string Location);
}
