using System;
using System.IO;
using System.Reflection;

namespace AzBackupTroubleshoot.Loading
{
    /// <summary>
    /// PowerShell 7: answers the default context's request for the engine assembly with the copy loaded into the
    /// module's private load context, where the engine's own dependencies then resolve from Dependencies. Only the
    /// engine is handed out, so no Azure assembly ever enters the default context.
    /// </summary>
    internal sealed class IsolatedEngineResolver
    {
        internal const string EngineAssemblyName = "AzBackupTroubleshoot.Engine";
        private const string LoadContextAssemblyName = "AzBackupTroubleshoot.LoadContext";
        private const string LoadContextTypeName = "AzBackupTroubleshoot.LoadContext.DependencyLoadContext";

        private readonly Func<AssemblyName, Assembly> _loadFromContext;

        private IsolatedEngineResolver(Func<AssemblyName, Assembly> loadFromContext)
        {
            _loadFromContext = loadFromContext;
        }

        /// <summary>
        /// Creates the private context. The context type lives in a net8.0 assembly because this netstandard2.0
        /// assembly cannot derive from AssemblyLoadContext; it is bound by reflection for the same reason.
        /// </summary>
        public static IsolatedEngineResolver Create(string dependencyDirectory)
        {
            var assembly = Assembly.LoadFrom(Path.Combine(dependencyDirectory, LoadContextAssemblyName + ".dll"));
            var context = Activator.CreateInstance(assembly.GetType(LoadContextTypeName, throwOnError: true)!, dependencyDirectory)!;
            var loadFromAssemblyName = context.GetType().GetMethod("LoadFromAssemblyName", [typeof(AssemblyName)])
                ?? throw new MissingMethodException(LoadContextTypeName, "LoadFromAssemblyName");
            return new IsolatedEngineResolver(
                (Func<AssemblyName, Assembly>)Delegate.CreateDelegate(typeof(Func<AssemblyName, Assembly>), context, loadFromAssemblyName));
        }

        public Assembly? Resolve(AssemblyName requested) =>
            string.Equals(requested.Name, EngineAssemblyName, StringComparison.OrdinalIgnoreCase) ? _loadFromContext(requested) : null;
    }
}
