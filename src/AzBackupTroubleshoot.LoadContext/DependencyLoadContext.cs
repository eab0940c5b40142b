using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace AzBackupTroubleshoot.LoadContext
{
    /// <summary>
    /// The private load context of the module's engine on PowerShell 7: the engine and every third-party assembly
    /// it needs load from the module's Dependencies folder, so they never meet the versions another module (Az.Accounts,
    /// for one) put in the default context. Whatever is not in Dependencies (PowerShell, the Core assembly whose types
    /// the cmdlets output) falls back to the default context, so those types keep one identity.
    /// </summary>
    public sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _dependencyDirectory;
        private readonly string _frameworkDirectory;

        public DependencyLoadContext(string dependencyDirectory)
            : base(nameof(DependencyLoadContext), isCollectible: false)
        {
            _dependencyDirectory = dependencyDirectory;
            _frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var fileName = assemblyName.Name + ".dll";

            // The package copies of System.Text.Json, System.Memory and the like exist for netstandard2.0 hosts;
            // the runtime's own copy is newer and must win, or the engine would see two System.Memory types.
            if (ProvidesAtLeast(_frameworkDirectory, fileName, assemblyName.Version))
            {
                return null;
            }

            var path = Path.Combine(_dependencyDirectory, fileName);
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        private static bool ProvidesAtLeast(string directory, string fileName, Version? requested)
        {
            var path = Path.Combine(directory, fileName);
            if (!File.Exists(path))
            {
                return false;
            }

            var available = AssemblyName.GetAssemblyName(path).Version;
            return requested == null || (available != null && available >= requested);
        }
    }
}
