using System;
using System.Collections;
using System.Linq;

namespace AzBackupTroubleshoot.Module.Tests.Packaging
{
    [Collection(ModuleCollection.Name)]
    public sealed class ManifestTests
    {
        private readonly ModuleSession _session;
        private readonly Hashtable _manifest = ManifestData.Values;

        public ManifestTests(ModuleSession session)
        {
            _session = session;
        }

        [Fact]
        public void Exported_commands_are_exactly_CmdletsToExport()
        {
            var declared = Strings("CmdletsToExport");
            var exported = _session.Run("Get-Command -Module AzBackupTroubleshoot | ForEach-Object Name").Output.Select(o => (string)o.BaseObject);

            Assert.Equal(declared.OrderBy(n => n, StringComparer.Ordinal), exported.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void CmdletsToExport_lists_every_cmdlet_in_the_assembly_and_no_wildcard()
        {
            var inAssembly = _session.Run(
                "(Get-Module AzBackupTroubleshoot).ImplementingAssembly.GetExportedTypes() | ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } | ForEach-Object { $_.VerbName + '-' + $_.NounName }")
                .Output.Select(o => (string)o.BaseObject);

            var declared = Strings("CmdletsToExport");
            Assert.DoesNotContain(declared, n => n.Contains('*'));
            Assert.Equal(inAssembly.OrderBy(n => n, StringComparer.Ordinal), declared.OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void Manifest_declares_the_module_identity_and_exports_nothing_else()
        {
            Assert.Equal("AzBackupTroubleshoot.dll", _manifest["RootModule"]);
            Assert.Equal("0.1.0", _manifest["ModuleVersion"]);
            Assert.True(Guid.TryParse((string)_manifest["GUID"]!, out _));
            Assert.Equal(["Desktop", "Core"], Strings("CompatiblePSEditions"));
            Assert.Equal("5.1", _manifest["PowerShellVersion"]);
            Assert.Empty(Strings("FunctionsToExport"));
            Assert.Empty(Strings("AliasesToExport"));
            Assert.Empty(Strings("VariablesToExport"));
            var psData = (Hashtable)((Hashtable)_manifest["PrivateData"]!)["PSData"]!;
            Assert.NotEmpty((object[])psData["Tags"]!);
            Assert.False(string.IsNullOrWhiteSpace((string)psData["ReleaseNotes"]!));
        }

        [Fact]
        public void Every_file_the_manifest_names_is_in_the_built_module()
        {
            var module = _session.Run("Get-Module AzBackupTroubleshoot").Output.Single();

            Assert.Equal(new Version(0, 1, 0), module.Properties["Version"].Value);
            foreach (var format in Strings("FormatsToProcess"))
            {
                Assert.True(System.IO.File.Exists(System.IO.Path.Combine(RepoPaths.ModuleDirectory, format)), format);
            }
        }

        private static string[] Strings(string key) => ManifestData.Strings(key);
    }
}
