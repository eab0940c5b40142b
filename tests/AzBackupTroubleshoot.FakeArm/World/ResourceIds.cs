using System;
using System.Security.Cryptography;
using System.Text;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>The parts of a resource id: /subscriptions/{s}[/resourceGroups/{rg}[/providers/{ns}/{type}/{name}]].</summary>
internal sealed record ParsedResourceId(string SubscriptionId, string? ResourceGroup, string? Namespace, string? Type, string? Name);

/// <summary>Resource id helpers (ARM compares ids case-insensitively).</summary>
internal static class ResourceIds
{
    public static string Normalize(string id)
    {
        var s = id.Trim();
        if (!s.StartsWith('/'))
        {
            s = "/" + s;
        }

        return s.Length > 1 ? s.TrimEnd('/') : s;
    }

    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="id"/> is <paramref name="scope"/> or lies under it.</summary>
    public static bool IsAtOrBelow(string id, string scope)
    {
        var i = Normalize(id);
        var s = Normalize(scope);
        if (s == "/")
        {
            return true;
        }

        return string.Equals(i, s, StringComparison.OrdinalIgnoreCase)
            || (i.Length > s.Length && i.StartsWith(s, StringComparison.OrdinalIgnoreCase) && i[s.Length] == '/');
    }

    public static ParsedResourceId? Parse(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var parts = Normalize(id).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? rg = null, ns = null, type = null, name = null;
        if (parts.Length >= 4 && parts[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase))
        {
            rg = parts[3];
        }

        if (parts.Length >= 8 && parts[4].Equals("providers", StringComparison.OrdinalIgnoreCase))
        {
            ns = parts[5];
            type = parts[6];
            name = parts[7];
        }

        return new ParsedResourceId(parts[1], rg, ns, type, name);
    }
}

/// <summary>Deterministic GUIDs, so generated worlds are the same on every run.</summary>
internal static class StableGuid
{
    public static string From(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", parts).ToUpperInvariant()));
        var g = bytes.AsSpan(0, 16).ToArray();
        g[7] = (byte)((g[7] & 0x0F) | 0x40);
        g[8] = (byte)((g[8] & 0x3F) | 0x80);
        return new Guid(g).ToString();
    }
}
