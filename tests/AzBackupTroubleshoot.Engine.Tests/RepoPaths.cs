using System.IO;
using System.Linq;
using System.Reflection;

namespace AzBackupTroubleshoot.Engine.Tests
{
    /// <summary>Files of the repository, located through the root the build baked in.</summary>
    internal static class RepoPaths
    {
        public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

        public static string Sample(string name) => Path.Combine(Root, "docs", "samples", name);
    }
}
