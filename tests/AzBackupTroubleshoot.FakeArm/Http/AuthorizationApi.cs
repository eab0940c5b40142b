using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzBackupTroubleshoot.FakeArm.Http;

/// <summary>
/// Microsoft.Authorization at any scope: {scope}/providers/Microsoft.Authorization/{locks|policyAssignments|policyDefinitions}[/{name}].
/// </summary>
internal static class AuthorizationApi
{
    /// <summary>Handles the request when its path is an Authorization path; null otherwise.</summary>
    public static Func<ArmRequest, ArmResponse>? Route(string[] segments, out string scope, out string kind, out string? name)
    {
        scope = "";
        kind = "";
        name = null;
        for (var i = segments.Length - 3; i >= 0; i--)
        {
            if (!segments[i].Equals("providers", StringComparison.OrdinalIgnoreCase)
                || !segments[i + 1].Equals("Microsoft.Authorization", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = segments.Length - (i + 3);
            if (rest > 1)
            {
                return null;
            }

            kind = segments[i + 2].ToLowerInvariant();
            scope = "/" + string.Join('/', segments[..i]);
            name = rest == 1 ? segments[i + 3] : null;
            var s = scope;
            var n = name;
            return kind switch
            {
                "locks" => r => Locks(r, s, n),
                "policyassignments" => r => n is null ? ListAssignments(r, s) : GetAssignment(r, s, n),
                "policydefinitions" => r => n is null ? ListDefinitions(r, s) : GetDefinition(r, s, n),
                _ => null,
            };
        }

        return null;
    }

    /// <summary>The error for a scope that does not exist, or null.</summary>
    private static ArmResponse? CheckScope(ArmRequest r, string scope)
    {
        if (scope == "/")
        {
            return null;
        }

        var id = ResourceIds.Parse(scope);
        if (id is null)
        {
            return scope.StartsWith("/providers/Microsoft.Management/managementGroups/", StringComparison.OrdinalIgnoreCase)
                ? null
                : ArmErrors.BadRequest("InvalidScope", $"The scope '{scope}' is not valid.");
        }

        var sub = r.World.FindSubscription(id.SubscriptionId);
        if (sub is null)
        {
            return ArmErrors.SubscriptionNotFound(id.SubscriptionId);
        }

        if (id.ResourceGroup is not null && sub.FindResourceGroup(id.ResourceGroup) is null)
        {
            return ArmErrors.ResourceGroupNotFound(id.ResourceGroup);
        }

        return null;
    }

    private static IReadOnlyList<FilterClause>? ParseFilter(ArmRequest r, out ArmResponse? error)
    {
        error = null;
        try
        {
            return ODataFilter.Parse(r.Query("$filter"));
        }
        catch (FormatException e)
        {
            error = ArmErrors.BadRequest("InvalidFilterInQueryString", e.Message);
            return null;
        }
    }

    // ---------------------------------------------------------------- locks

    internal static JsonObject LockJson(ArmLock l)
    {
        var props = new JsonObject { ["level"] = l.Level.ToString() };
        if (l.Notes is not null)
        {
            props["notes"] = l.Notes;
        }

        if (l.Owners.Count > 0)
        {
            props["owners"] = J.Array(l.Owners.Select(o => (JsonNode?)new JsonObject { ["applicationId"] = o }));
        }

        return new JsonObject
        {
            ["properties"] = props,
            ["id"] = l.Id,
            ["type"] = "Microsoft.Authorization/locks",
            ["name"] = l.Name,
        };
    }

    private static ArmResponse Locks(ArmRequest r, string scope, string? name)
    {
        if (CheckScope(r, scope) is { } err)
        {
            return err;
        }

        var method = r.Method.ToUpperInvariant();
        if (name is null)
        {
            if (method != "GET")
            {
                return ArmResponse.Error(405, "MethodNotAllowed", $"The requested resource does not support http method '{r.Method}'.");
            }

            var filter = ParseFilter(r, out var ferr);
            if (filter is null)
            {
                return ferr!;
            }

            var atScope = filter.Any(c => c.IsFunction && c.Field.Equals("atScope", StringComparison.OrdinalIgnoreCase));
            var unsupported = filter.FirstOrDefault(c => !(c.IsFunction && c.Field.Equals("atScope", StringComparison.OrdinalIgnoreCase)));
            if (unsupported is not null)
            {
                return ArmErrors.BadRequest("InvalidFilterInQueryString", $"The filter '{r.Query("$filter")}' is not supported; only atScope() is.");
            }

            // Unfiltered: locks at, above or below the scope. atScope(): at or above (the ones that apply to it).
            var locks = r.World.Locks.Where(l => ResourceIds.IsAtOrBelow(scope, l.Scope) || (!atScope && ResourceIds.IsAtOrBelow(l.Scope, scope)));
            return ArmResponse.Ok(r.Page(locks.Select(l => (JsonNode)LockJson(l))));
        }

        var existing = r.World.Locks.FirstOrDefault(l => ResourceIds.Same(l.Scope, scope) && string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
        switch (method)
        {
            case "GET":
                return existing is null
                    ? ArmResponse.Error(404, "LockNotFound", $"The lock '{name}' could not be found.")
                    : ArmResponse.Ok(LockJson(existing));
            case "DELETE":
                if (existing is null)
                {
                    return ArmResponse.Empty(204);
                }

                r.World.Locks.Remove(existing);
                return ArmResponse.Empty(200);
            case "PUT":
                return PutLock(r, scope, name, existing);
            default:
                return ArmResponse.Error(405, "MethodNotAllowed", $"The requested resource does not support http method '{r.Method}'.");
        }
    }

    private static ArmResponse PutLock(ArmRequest r, string scope, string name, ArmLock? existing)
    {
        JsonNode? body;
        try
        {
            body = string.IsNullOrWhiteSpace(r.Body) ? null : JsonNode.Parse(r.Body);
        }
        catch (JsonException e)
        {
            return ArmErrors.BadRequest("InvalidRequestContent", "The request content was invalid and could not be deserialized: " + e.Message);
        }

        var props = body?["properties"] as JsonObject;
        var levelText = props?["level"]?.GetValue<string>();
        if (levelText is null || !Enum.TryParse<ArmLockLevel>(levelText, ignoreCase: true, out var level) || !Enum.IsDefined(level))
        {
            return ArmErrors.BadRequest("InvalidLockLevel", $"The lock level '{levelText}' is not valid. Valid levels are CanNotDelete and ReadOnly.");
        }

        var l = existing ?? new ArmLock { Scope = ResourceIds.Normalize(scope), Name = name };
        l.Level = level;
        l.Notes = props!["notes"]?.GetValue<string>();
        l.Owners.Clear();
        if (props["owners"] is JsonArray owners)
        {
            l.Owners.AddRange(owners.Select(o => o?["applicationId"]?.GetValue<string>()).OfType<string>());
        }

        if (existing is null)
        {
            r.World.Locks.Add(l);
            return ArmResponse.Created(LockJson(l));
        }

        return ArmResponse.Ok(LockJson(l));
    }

    // ---------------------------------------------------------------- policy

    internal static JsonObject AssignmentJson(ArmPolicyAssignment a)
    {
        var props = new JsonObject
        {
            ["displayName"] = a.DisplayName,
            ["policyDefinitionId"] = a.PolicyDefinitionId,
            ["definitionVersion"] = "1.*.*",
            ["scope"] = a.Scope,
            ["notScopes"] = J.Strings(a.NotScopes),
            ["parameters"] = a.Parameters?.DeepClone() ?? new JsonObject(),
            ["enforcementMode"] = a.EnforcementMode,
            ["metadata"] = new JsonObject { ["assignedBy"] = "Contoso Governance", ["createdOn"] = "2026-03-02T10:11:12.0000000Z" },
        };
        if (a.Description is not null)
        {
            props["description"] = a.Description;
        }

        return new JsonObject
        {
            ["properties"] = props,
            ["id"] = a.Id,
            ["type"] = "Microsoft.Authorization/policyAssignments",
            ["name"] = a.Name,
        };
    }

    internal static JsonObject DefinitionJson(ArmPolicyDefinition d)
    {
        var props = new JsonObject
        {
            ["policyType"] = d.PolicyType,
            ["mode"] = d.Mode,
            ["displayName"] = d.DisplayName,
        };
        if (d.Description is not null)
        {
            props["description"] = d.Description;
        }

        props["metadata"] = new JsonObject { ["category"] = d.Category ?? "General", ["version"] = "1.0.0" };
        props["version"] = "1.0.0";
        props["parameters"] = d.Parameters?.DeepClone() ?? new JsonObject();
        props["policyRule"] = d.PolicyRule.DeepClone();
        return new JsonObject
        {
            ["properties"] = props,
            ["id"] = d.Id,
            ["type"] = "Microsoft.Authorization/policyDefinitions",
            ["name"] = d.Name,
        };
    }

    private static ArmResponse ListAssignments(ArmRequest r, string scope)
    {
        if (!string.Equals(r.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return ArmResponse.Error(405, "MethodNotAllowed", $"The requested resource does not support http method '{r.Method}'.");
        }

        if (CheckScope(r, scope) is { } err)
        {
            return err;
        }

        var filter = ParseFilter(r, out var ferr);
        if (filter is null)
        {
            return ferr!;
        }

        IEnumerable<ArmPolicyAssignment> items = r.World.PolicyAssignments;
        var scopeMode = "all";
        foreach (var c in filter)
        {
            if (c.IsFunction && c.Field.Equals("atScope", StringComparison.OrdinalIgnoreCase))
            {
                scopeMode = "atScope";
            }
            else if (c.IsFunction && c.Field.Equals("atExactScope", StringComparison.OrdinalIgnoreCase))
            {
                scopeMode = "exact";
            }
            else if (!c.IsFunction && c.Field.Equals("policyDefinitionId", StringComparison.OrdinalIgnoreCase) && c.Operator == "eq")
            {
                var wanted = c.Value;
                items = items.Where(a => ResourceIds.Same(a.PolicyDefinitionId, wanted));
            }
            else
            {
                return ArmErrors.BadRequest("InvalidFilterInQueryString", $"The filter '{r.Query("$filter")}' is not supported.");
            }
        }

        // Unfiltered: assignments that apply to the scope (at or above) and those inside it. atScope(): at or above. atExactScope(): at.
        items = scopeMode switch
        {
            "exact" => items.Where(a => ResourceIds.Same(a.Scope, scope)),
            "atScope" => items.Where(a => ResourceIds.IsAtOrBelow(scope, a.Scope)),
            _ => items.Where(a => ResourceIds.IsAtOrBelow(scope, a.Scope) || ResourceIds.IsAtOrBelow(a.Scope, scope)),
        };
        return ArmResponse.Ok(r.Page(items.Select(a => (JsonNode)AssignmentJson(a))));
    }

    private static ArmResponse GetAssignment(ArmRequest r, string scope, string name)
    {
        if (!string.Equals(r.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return ArmResponse.Error(405, "MethodNotAllowed", $"The requested resource does not support http method '{r.Method}'.");
        }

        var a = r.World.PolicyAssignments.FirstOrDefault(x => ResourceIds.Same(x.Scope, scope) && string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
        return a is null
            ? ArmResponse.Error(404, "PolicyAssignmentNotFound", $"The policy assignment '{name}' is not found.")
            : ArmResponse.Ok(AssignmentJson(a));
    }

    private static bool DefinitionAt(ArmPolicyDefinition d, string scope) =>
        scope == "/" ? d.Scope is null : d.Scope is not null && ResourceIds.Same(d.Scope, scope);

    private static ArmResponse ListDefinitions(ArmRequest r, string scope)
    {
        if (!string.Equals(r.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return ArmResponse.Error(405, "MethodNotAllowed", $"The requested resource does not support http method '{r.Method}'.");
        }

        if (CheckScope(r, scope) is { } err)
        {
            return err;
        }

        // A subscription lists its own custom definitions and the built-ins.
        var items = r.World.PolicyDefinitions.Where(d => DefinitionAt(d, scope) || (scope != "/" && d.Scope is null));
        return ArmResponse.Ok(r.Page(items.Select(d => (JsonNode)DefinitionJson(d))));
    }

    private static ArmResponse GetDefinition(ArmRequest r, string scope, string name)
    {
        if (!string.Equals(r.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return ArmResponse.Error(405, "MethodNotAllowed", $"The requested resource does not support http method '{r.Method}'.");
        }

        var d = r.World.PolicyDefinitions.FirstOrDefault(x => DefinitionAt(x, scope) && string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
        return d is null
            ? ArmResponse.Error(404, "PolicyDefinitionNotFound", $"The policy definition '{name}' could not be found.")
            : ArmResponse.Ok(DefinitionJson(d));
    }
}
