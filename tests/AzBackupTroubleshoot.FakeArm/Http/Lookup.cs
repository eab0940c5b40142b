using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Xml;

namespace AzBackupTroubleshoot.FakeArm.Http;

/// <summary>Finds the subscription / resource group of a route, or the ARM error to answer.</summary>
internal static class Lookup
{
    public static ArmResponse? Subscription(ArmRequest r, out ArmSubscription sub)
    {
        var found = r.World.FindSubscription(r["sub"]);
        sub = found!;
        return found is null ? ArmErrors.SubscriptionNotFound(r["sub"]) : null;
    }

    public static ArmResponse? ResourceGroup(ArmRequest r, out ArmResourceGroup rg)
    {
        rg = null!;
        if (Subscription(r, out var sub) is { } err)
        {
            return err;
        }

        var found = sub.FindResourceGroup(r["rg"]);
        rg = found!;
        return found is null ? ArmErrors.ResourceGroupNotFound(r["rg"]) : null;
    }

    /// <summary>Locks that forbid deleting <paramref name="resourceId"/> (CanNotDelete or ReadOnly at it or above it).</summary>
    public static ArmResponse? DeleteBlockedByLock(ArmRequest r, string resourceId)
    {
        var blocking = r.World.Locks.Where(l => ResourceIds.IsAtOrBelow(resourceId, l.Scope)).Select(l => l.Scope).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return blocking.Count == 0 ? null : ArmErrors.ScopeLocked(resourceId, "delete", blocking);
    }
}

/// <summary>JSON helpers.</summary>
internal static class J
{
    /// <summary>Compute style: 2026-11-22T02:00:00.0000000+00:00</summary>
    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    /// <summary>Recovery Services style: 2026-11-22T02:00:00.123456Z</summary>
    public static string TimeZ(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 duration, e.g. PT12.4272909S.</summary>
    public static string Duration(TimeSpan d) => XmlConvert.ToString(d < TimeSpan.Zero ? TimeSpan.Zero : d);

    public static JsonObject Tags(IReadOnlyDictionary<string, string> tags)
    {
        var o = new JsonObject();
        foreach (var kv in tags)
        {
            o[kv.Key] = kv.Value;
        }

        return o;
    }

    public static JsonArray Array(IEnumerable<JsonNode?> items)
    {
        var a = new JsonArray();
        foreach (var i in items)
        {
            a.Add(i);
        }

        return a;
    }

    public static JsonArray Strings(IEnumerable<string> items) => Array(items.Select(i => (JsonNode?)JsonValue.Create(i)));

    public static JsonObject Status(string code, string level, string? displayStatus, string? message = null, DateTimeOffset? time = null)
    {
        var o = new JsonObject { ["code"] = code, ["level"] = level };
        if (displayStatus is not null)
        {
            o["displayStatus"] = displayStatus;
        }

        if (message is not null)
        {
            o["message"] = message;
        }

        if (time is not null)
        {
            o["time"] = Time(time.Value);
        }

        return o;
    }
}
