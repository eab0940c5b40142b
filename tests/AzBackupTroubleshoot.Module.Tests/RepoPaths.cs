using System.IO;
using System.Linq;
using System.Reflection;

namespace AzBackupTroubleshoot.Module.Tests
{
    /// <summary>The built module, the host program and the repository, located through paths and values the build baked in.</summary>
    internal static class RepoPaths
    {
        public static string Root { get; } = Metadata("RepoRoot");

        public static string ModuleManifest { get; } = Metadata("ModuleManifest");

        public static string ModuleDirectory { get; } = Path.GetDirectoryName(ModuleManifest)!;

        /// <summary>Directory.Build.props' Version, which the build stamps into the manifest.</summary>
        public static string ModuleVersion { get; } = Metadata("ModuleVersion");

        /// <summary>The configuration these tests and the module under test were built in.</summary>
        public static string Configuration { get; } = Metadata("Configuration");

        public static string HostProgram { get; } = Metadata("HostProgram");

        public static string Sample(string name) => Path.Combine(Root, "docs", "samples", name);

        private static string Metadata(string key) =>
            typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
    }
}
