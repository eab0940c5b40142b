using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace AzBackupTroubleshoot.Module.Tests
{
    /// <summary>One runspace with the built module imported from its manifest, shared by the tests of a collection.</summary>
    public sealed class ModuleSession : IDisposable
    {
        private readonly Runspace _runspace;

        public ModuleSession()
        {
            _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            _runspace.Open();
            var import = Run($"Import-Module -Name '{RepoPaths.ModuleManifest}' -ErrorAction Stop");
            if (import.Errors.Count > 0)
            {
                throw new InvalidOperationException("Import failed: " + import.Errors[0]);
            }
        }

        /// <summary>Runs a script in the shared runspace; the output and the errors it wrote.</summary>
        public ScriptResult Run(string script) => Run(script, []);

        /// <summary>Runs a script with arguments (for its param block), so that values never have to be quoted in it.</summary>
        public ScriptResult Run(string script, params object?[] arguments)
        {
            using var shell = PowerShell.Create(_runspace);
            shell.AddScript(script);
            foreach (var argument in arguments)
            {
                shell.AddArgument(argument);
            }

            var output = shell.Invoke();
            return new ScriptResult(output, shell.Streams.Error.ToList());
        }

        public void Dispose() => _runspace.Dispose();
    }

    public sealed record ScriptResult(Collection<PSObject> Output, IReadOnlyList<ErrorRecord> Errors)
    {
        public IEnumerable<string> Strings(string property) => Output.Select(o => (string)o.Properties[property].Value);
    }

    [CollectionDefinition(Name)]
    public sealed class ModuleCollection : ICollectionFixture<ModuleSession>
    {
        public const string Name = "Module";
    }
}
