using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace AzBackupTroubleshoot.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1: loads the engine and its dependencies from Dependencies when .NET Framework cannot
    /// find them, and hands the engine the Core assembly PowerShell already loaded from the module folder (loading
    /// the same path again returns the loaded assembly). The Azure packages were built against different versions
    /// of the same support assemblies, which a PowerShell module cannot fix with a .config file, so the binding
    /// redirects live here: for the assemblies below any requested version is answered with the one shipped.
    /// </summary>
    internal sealed class FrameworkDependencyResolver
    {
        internal static readonly HashSet<string> RedirectedToShippedVersion = new(StringComparer.OrdinalIgnoreCase)
        {
            "System.Memory",
            "System.Buffers",
            "System.Text.Json",
            "System.ClientModel",
            "System.Diagnostics.DiagnosticSource",
            "System.Runtime.CompilerServices.Unsafe",
            "System.Text.Encodings.Web",
            "System.Threading.Tasks.Extensions",
            "System.Numerics.Vectors",
            "Microsoft.Bcl.AsyncInterfaces",
            "System.Memory.Data",
        };

        private readonly string[] _directories;

        /// <param name="moduleDirectory">The module's folder: Dependencies below it first, then the folder itself.</param>
        public FrameworkDependencyResolver(string moduleDirectory)
        {
            _directories = [Path.Combine(moduleDirectory, "Dependencies"), moduleDirectory];
        }

        public Assembly? Resolve(AssemblyName requested)
        {
            var path = PathFor(requested);
            return path == null ? null : Assembly.LoadFrom(path);
        }

        /// <summary>The shipped file that satisfies the request, or null when none does.</summary>
        internal string? PathFor(AssemblyName requested)
        {
            foreach (var directory in _directories)
            {
                var path = Path.Combine(directory, requested.Name + ".dll");
                if (File.Exists(path))
                {
                    return Satisfies(path, requested) ? path : null;
                }
            }

            return null;
        }

        private static bool Satisfies(string path, AssemblyName requested)
        {
            if (RedirectedToShippedVersion.Contains(requested.Name!) || requested.Version == null)
            {
                return true;
            }

            var shipped = AssemblyName.GetAssemblyName(path).Version;
            return shipped != null && shipped >= requested.Version;
        }
    }
}
