using System;
using System.Collections;
using System.IO;
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
            Assert.Equal(RepoPaths.ModuleVersion, _manifest["ModuleVersion"]);
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

            Assert.Equal(Version.Parse(RepoPaths.ModuleVersion), module.Properties["Version"].Value);
            Assert.Equal(RepoPaths.ModuleVersion, Path.GetFileName(RepoPaths.ModuleDirectory));
            foreach (var format in Strings("FormatsToProcess"))
            {
                Assert.True(File.Exists(Path.Combine(RepoPaths.ModuleDirectory, format)), format);
            }
        }

        [Fact]
        public void Shared_assemblies_are_at_the_root_and_everything_third_party_under_Dependencies()
        {
            var root = System.IO.Directory.GetFiles(RepoPaths.ModuleDirectory, "*.dll").Select(System.IO.Path.GetFileName);
            var dependencies = System.IO.Directory.GetFiles(System.IO.Path.Combine(RepoPaths.ModuleDirectory, "Dependencies"), "*.dll").Select(System.IO.Path.GetFileName).ToList();

            Assert.Equal(["AzBackupTroubleshoot.Core.dll", "AzBackupTroubleshoot.dll"], root.OrderBy(n => n, StringComparer.Ordinal));
            Assert.Contains("AzBackupTroubleshoot.Engine.dll", dependencies);
            Assert.Contains("AzBackupTroubleshoot.LoadContext.dll", dependencies);
            Assert.Contains("Azure.Core.dll", dependencies);
            Assert.DoesNotContain("AzBackupTroubleshoot.Core.dll", dependencies);
            Assert.DoesNotContain("AzBackupTroubleshoot.dll", dependencies);
            Assert.DoesNotContain("System.Management.Automation.dll", dependencies);
        }

        [Fact]
        public void The_module_can_be_removed_and_imported_again()
        {
            var result = _session.Run(
                "Remove-Module AzBackupTroubleshoot; "
                + $"Import-Module '{RepoPaths.ModuleManifest}'; "
                + $"(Get-AzBackupFailureDiagnosis -Path '{RepoPaths.Sample("az-backup-job-list.json")}').Count -gt 0; "
                + "(Get-AzBackupKnownIssue -Id A12).Id");

            Assert.Empty(result.Errors);
            Assert.Equal([true, "A12"], result.Output.Select(o => o.BaseObject));
        }

        private static string[] Strings(string key) => ManifestData.Strings(key);
    }
}
