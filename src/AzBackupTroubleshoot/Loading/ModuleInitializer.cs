using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace AzBackupTroubleshoot.Loading
{
    /// <summary>
    /// Teaches the runtime where the engine and its third-party assemblies are when the module is imported, and
    /// forgets it when the module is removed. Nothing from Dependencies loads here: the engine loads the first time a
    /// cmdlet needs it.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly object Gate = new();
        private static Func<AssemblyName, Assembly?>? _resolve;
        private static ResolveEventHandler? _handler;

        public void OnImport()
        {
            lock (Gate)
            {
                if (_handler != null)
                {
                    return;
                }

                // One private context per process: a module imported again after Remove-Module reuses it, and the
                // engine already loaded there.
                var resolve = _resolve ??= CreateResolver();
                _handler = (_, args) => resolve(new AssemblyName(args.Name));
                AppDomain.CurrentDomain.AssemblyResolve += _handler;
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                if (_handler != null)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= _handler;
                    _handler = null;
                }
            }
        }

        private static Func<AssemblyName, Assembly?> CreateResolver()
        {
            var moduleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
            return IsNetFramework
                ? new FrameworkDependencyResolver(moduleDirectory).Resolve
                : IsolatedEngineResolver.Create(Path.Combine(moduleDirectory, "Dependencies")).Resolve;
        }

        /// <summary>Windows PowerShell 5.1 runs on .NET Framework, which has no AssemblyLoadContext.</summary>
        private static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);
    }
}
