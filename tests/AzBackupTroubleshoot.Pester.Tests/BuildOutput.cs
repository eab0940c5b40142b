using System.IO;
using System.Linq;
using System.Reflection;

namespace AzBackupTroubleshoot.Pester.Tests
{
    /// <summary>Paths the build baked in: the repository, the laid-out module, Pester from NuGet, the fake ARM program.</summary>
    internal static class BuildOutput
    {
        public static string RepoRoot { get; } = Metadata("RepoRoot");

        /// <summary>The module's .psd1 under out/AzBackupTroubleshoot/&lt;version&gt;/, the version being the build's.</summary>
        public static string ModuleManifest { get; } = Metadata("ModuleManifest");

        /// <summary>Pester.psd1 in the tools/ folder of the Pester package in the NuGet packages folder.</summary>
        public static string PesterModule { get; } = Metadata("PesterModule");

        public static string FakeArmServer { get; } = Metadata("FakeArmServer");

        public static string Path(params string[] relative) => System.IO.Path.Combine([RepoRoot, .. relative]);

        private static string Metadata(string key) =>
            System.IO.Path.GetFullPath(typeof(BuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
    }
}
