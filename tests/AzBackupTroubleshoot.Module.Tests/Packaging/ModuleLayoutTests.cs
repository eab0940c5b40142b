using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzBackupTroubleshoot.Module.Tests.HostProgram;

namespace AzBackupTroubleshoot.Module.Tests.Packaging
{
    /// <summary>
    /// The module layout follows the build wherever it writes: `dotnet build -o` and `dotnet publish -o` each give an
    /// importable module under the folder asked for. Built in this test run's configuration, so nothing is compiled again.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public sealed class ModuleLayoutTests
    {
        [Fact]
        public void Build_with_an_output_folder_lays_out_an_importable_module_there()
        {
            var output = Directory.CreateTempSubdirectory("azbt-build-o-");
            try
            {
                var build = ChildProcess.Dotnet(["build", Path.Combine("src", "AzBackupTroubleshoot"), "-c", RepoPaths.Configuration, "-o", output.FullName]);
                Assert.True(build.ExitCode == 0, build.Describe());

                var module = Path.Combine(output.FullName, "AzBackupTroubleshoot", RepoPaths.ModuleVersion);
                Assert.True(File.Exists(Path.Combine(module, "AzBackupTroubleshoot.psd1")));
                Assert.True(File.Exists(Path.Combine(module, "AzBackupTroubleshoot.dll")));
                Assert.Contains("AzBackupTroubleshoot.Engine.dll", Files(Path.Combine(module, "Dependencies")));
                Assert.Contains("Azure.Core.dll", Files(Path.Combine(module, "Dependencies")));
                Assert.Equal(Files(RepoPaths.ModuleDirectory), Files(module));

                // azbt-host imports it from there, and the engine loads from its Dependencies.
                var run = HostRun.Start(
                    "(Get-Module AzBackupTroubleshoot).ModuleBase; (Get-Module AzBackupTroubleshoot).Version.ToString(); "
                    + "(Get-AzBackupFailureDiagnosis -Path docs/samples/az-backup-job-list.json -Culture en-US)[0].Status",
                    new Dictionary<string, string> { ["AZBT_MODULE_PATH"] = module });
                Assert.True(run.ExitCode == 0, run.StandardError);
                Assert.Equal([module, RepoPaths.ModuleVersion, "Diagnosed"], Lines(run.StandardOutput).Take(3));
            }
            finally
            {
                output.Delete(recursive: true);
            }
        }

        [Fact]
        public void Publish_writes_the_same_module_and_nothing_else()
        {
            var output = Directory.CreateTempSubdirectory("azbt-publish-o-");
            try
            {
                var publish = ChildProcess.Dotnet(["publish", Path.Combine("src", "AzBackupTroubleshoot"), "-c", RepoPaths.Configuration, "-o", output.FullName]);
                Assert.True(publish.ExitCode == 0, publish.Describe());

                Assert.Equal(["AzBackupTroubleshoot"], Directory.EnumerateFileSystemEntries(output.FullName).Select(Path.GetFileName));
                Assert.Equal(Files(RepoPaths.ModuleDirectory), Files(Path.Combine(output.FullName, "AzBackupTroubleshoot", RepoPaths.ModuleVersion)));
            }
            finally
            {
                output.Delete(recursive: true);
            }
        }

        // Every file under a folder, by its path relative to the folder.
        private static List<string> Files(string folder) =>
            Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToList();

        private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
