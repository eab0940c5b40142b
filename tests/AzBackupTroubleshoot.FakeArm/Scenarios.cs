using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AzBackupTroubleshoot.FakeArm;

/// <summary>The scenario worlds shipped as Scenarios/&lt;name&gt;.json next to this assembly.</summary>
public static class Scenarios
{
    /// <summary>Subscription id every scenario uses.</summary>
    public const string SubscriptionId = "2d0c7b1e-4f3a-4c8e-9b6d-5a1f0e7c3b21";

    /// <summary>Tenant id every scenario uses.</summary>
    public const string TenantId = ArmWorld.DefaultTenantId;

    /// <summary>Folder holding the scenario files.</summary>
    public static string Directory
    {
        get
        {
            var here = Path.GetDirectoryName(typeof(Scenarios).Assembly.Location);
            if (string.IsNullOrEmpty(here))
            {
                here = AppContext.BaseDirectory;
            }

            return Path.Combine(here, "Scenarios");
        }
    }

    /// <summary>Names of all scenarios, sorted.</summary>
    public static IReadOnlyList<string> Names =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    /// <summary>Loads a fresh copy of scenario <paramref name="name"/> (each call returns a new world).</summary>
    public static ArmWorld Load(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var path = Path.Combine(Directory, name + ".json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No scenario '{name}'. Known: {string.Join(", ", Names)}.", path);
        }

        var world = ArmWorld.LoadFile(path);
        world.Name = name;
        return world;
    }
}
