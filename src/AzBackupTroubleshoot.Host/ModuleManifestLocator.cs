using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace AzBackupTroubleshoot.Host
{
    /// <summary>Where the module to import is: AZBT_MODULE_PATH (a .psd1 or its folder) or the build output baked in at build time.</summary>
    internal static class ModuleManifestLocator
    {
        public const string EnvironmentVariable = "AZBT_MODULE_PATH";
        private const string ManifestName = "AzBackupTroubleshoot.psd1";

        public static string Find()
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Directory.Exists(configured) ? Path.Combine(configured, ManifestName) : configured;
            }

            return typeof(ModuleManifestLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "ModuleManifest").Value!;
        }
    }
}
