using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AzBackupTroubleshoot.FakeArm.Http;

/// <summary>What a handler answers; the server writes it and records it.</summary>
internal sealed class ArmResponse
{
    public int Status { get; init; } = 200;

    public JsonNode? Body { get; init; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? ErrorCode { get; init; }

    /// <summary>A body written as it is instead of <see cref="Body"/> (hostile answers: HTML, broken JSON).</summary>
    public string? RawBody { get; init; }

    public string ContentType { get; init; } = "application/json; charset=utf-8";

    public static ArmResponse Ok(JsonNode body) => new() { Status = 200, Body = body };

    public static ArmResponse Created(JsonNode body) => new() { Status = 201, Body = body };

    public static ArmResponse Empty(int status) => new() { Status = status };

    public static ArmResponse Error(int status, string code, string message) => new()
    {
        Status = status,
        ErrorCode = code,
        Body = new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } },
    };

    public ArmResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}

/// <summary>The request as handlers see it.</summary>
internal sealed class ArmRequest
{
    public ArmRequest(HttpContext http, FakeArmServer server, string path, string? body, IReadOnlyDictionary<string, string> routeValues)
    {
        Http = http;
        Server = server;
        Path = path;
        Body = body;
        Values = routeValues;
    }

    public HttpContext Http { get; }

    public FakeArmServer Server { get; }

    public ArmWorld World => Server.World;

    public FakeArmOptions Options => Server.Options;

    public string Method => Http.Request.Method;

    public string Path { get; }

    public string? Body { get; }

    public IReadOnlyDictionary<string, string> Values { get; }

    public string this[string routeValue] => Values[routeValue];

    public DateTimeOffset Now => Options.Clock?.Invoke() ?? DateTimeOffset.UtcNow;

    public string? Query(string name)
    {
        var v = Http.Request.Query[name];
        return v.Count == 0 ? null : v[0];
    }

    public string ApiVersion => Query("api-version") ?? "2023-07-01";

    public bool ExpandIncludes(string what)
    {
        var expand = Query("$expand") ?? Query("expand");
        return expand is not null && expand.Split(',').Any(e => string.Equals(e.Trim(), what, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Absolute URL on this server for <paramref name="path"/> (starting with '/') and query.</summary>
    public string Url(string path, string? query = null)
    {
        var b = Server.Endpoint.ToString().TrimEnd('/');
        return b + path + (string.IsNullOrEmpty(query) ? "" : "?" + query);
    }

    /// <summary>
    /// One page of <paramref name="items"/> as { value, nextLink }; the page starts at the skip token and the next link
    /// repeats the request's query with the next token.
    /// </summary>
    public JsonObject Page(IEnumerable<JsonNode> items, string tokenName = "$skiptoken") => Page(items, i => i, tokenName);

    /// <summary>As <see cref="Page(IEnumerable{JsonNode}, string)"/>, rendering only the items on the page.</summary>
    public JsonObject Page<T>(IEnumerable<T> items, Func<T, JsonNode> render, string tokenName = "$skiptoken")
    {
        var size = Math.Max(1, Options.PageSize);
        var start = 0;
        var token = Query(tokenName) ?? Query("$skiptoken") ?? Query("$skipToken");
        if (token is not null && !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start))
        {
            start = 0;
        }

        var page = new JsonArray();
        var more = false;
        var i = 0;
        foreach (var item in items)
        {
            if (i >= start + size)
            {
                more = true;
                break;
            }

            if (i >= start)
            {
                page.Add(render(item));
            }

            i++;
        }

        var result = new JsonObject { ["value"] = page };
        if (more)
        {
            var query = Http.Request.Query
                .Where(kv => !kv.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase))
                .SelectMany(kv => kv.Value.Select(v => EscapeKey(kv.Key) + "=" + Uri.EscapeDataString(v ?? "")))
                .Append(EscapeKey(tokenName) + "=" + (start + size).ToString(CultureInfo.InvariantCulture));
            result["nextLink"] = Url(Http.Request.Path.ToUriComponent(), string.Join("&", query));
        }

        return result;
    }

    /// <summary>Query keys as ARM writes them in next links: $filter, $skipToken unescaped.</summary>
    private static string EscapeKey(string key) => Uri.EscapeDataString(key).Replace("%24", "$", StringComparison.Ordinal);
}

/// <summary>Segment-pattern router: "subscriptions/{sub}/resourceGroups/{rg}" matches case-insensitively.</summary>
internal sealed class Router
{
    private readonly List<Route> _routes = [];

    public void Add(string methods, string pattern, Func<ArmRequest, ArmResponse> handler) =>
        _routes.Add(new Route(methods.Split(',', StringSplitOptions.TrimEntries), pattern.Trim('/').Split('/'), handler));

    /// <summary>Finds the route for the path; <paramref name="methodAllowed"/> is false when only the method differs.</summary>
    public (Func<ArmRequest, ArmResponse>? Handler, Dictionary<string, string>? Values, bool PathKnown) Match(string method, string[] segments)
    {
        var pathKnown = false;
        foreach (var route in _routes)
        {
            var values = route.Match(segments);
            if (values is null)
            {
                continue;
            }

            pathKnown = true;
            if (route.Methods.Contains(method, StringComparer.OrdinalIgnoreCase))
            {
                return (route.Handler, values, true);
            }
        }

        return (null, null, pathKnown);
    }

    private sealed record Route(string[] Methods, string[] Pattern, Func<ArmRequest, ArmResponse> Handler)
    {
        public Dictionary<string, string>? Match(string[] segments)
        {
            if (segments.Length != Pattern.Length)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Pattern.Length; i++)
            {
                var p = Pattern[i];
                if (p.StartsWith('{') && p.EndsWith('}'))
                {
                    values[p[1..^1]] = segments[i];
                }
                else if (!string.Equals(p, segments[i], StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return values;
        }
    }
}

/// <summary>ARM error responses with the messages ARM uses.</summary>
internal static class ArmErrors
{
    public static ArmResponse ResourceNotFound(string type, string name, string resourceGroup) =>
        ArmResponse.Error(404, "ResourceNotFound",
            $"The Resource '{type}/{name}' under resource group '{resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");

    public static ArmResponse ResourceGroupNotFound(string resourceGroup) =>
        ArmResponse.Error(404, "ResourceGroupNotFound", $"Resource group '{resourceGroup}' could not be found.");

    public static ArmResponse SubscriptionNotFound(string subscriptionId) =>
        ArmResponse.Error(404, "SubscriptionNotFound", $"The subscription '{subscriptionId}' could not be found.");

    public static ArmResponse NotFound(string path) =>
        ArmResponse.Error(404, "ResourceNotFound", $"The resource '{path}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");

    public static ArmResponse BadRequest(string code, string message) => ArmResponse.Error(400, code, message);

    public static ArmResponse ScopeLocked(string scope, string operation, IEnumerable<string> lockedScopes) =>
        ArmResponse.Error(409, "ScopeLocked",
            $"The scope '{scope}' cannot perform {operation} operation because following scope(s) are locked: '{string.Join("', '", lockedScopes)}'. Please remove the lock and try again.");
}
