using System;
using System.Collections;
using System.Linq;
using System.Management.Automation.Language;

namespace AzBackupTroubleshoot.Module.Tests
{
    /// <summary>The built module's .psd1, read as data by the PowerShell parser (no runspace needed).</summary>
    internal static class ManifestData
    {
        public static Hashtable Values { get; } = Read();

        public static string[] Strings(string key) => Values[key] switch
        {
            null => [],
            string s => [s],
            object[] items => items.Cast<string>().ToArray(),
            var other => throw new InvalidOperationException($"{key} is a {other.GetType()}"),
        };

        private static Hashtable Read()
        {
            var ast = Parser.ParseFile(RepoPaths.ModuleManifest, out _, out var errors);
            if (errors.Length > 0)
            {
                throw new InvalidOperationException($"{RepoPaths.ModuleManifest}: {errors[0]}");
            }

            return (Hashtable)ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false)!.SafeGetValue();
        }
    }
}
