using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace AzBackupTroubleshoot.Module.Tests.Packaging
{
    /// <summary>
    /// ./build.ps1 in real pwsh (the pinned .NET tool), once for the class: the build, the test step narrowed to the
    /// KnownIssue tests (xunit and Pester), and -Package; then the package installed with PSResourceGet.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public sealed class BuildScriptTests : IClassFixture<BuildScriptTests.Run>
    {
        private const string Filter = "KnownIssue";
        private readonly Run _run;

        public BuildScriptTests(Run run)
        {
            _run = run;
        }

        [Fact]
        public void Build_ps1_builds_runs_the_filtered_xunit_and_Pester_tests_and_packs()
        {
            Assert.True(_run.Script.ExitCode == 0, _run.Script.Describe());
            var output = _run.Script.StandardOutput;
            Assert.Contains("==> build", output, StringComparison.Ordinal);
            Assert.Contains("==> dotnet test", output, StringComparison.Ordinal);
            Assert.Contains("Passed AzBackupTroubleshoot.Module.Tests.Cmdlets.KnownIssueTests.", output, StringComparison.Ordinal);
            Assert.DoesNotContain("ManifestTests", output, StringComparison.Ordinal);
            Assert.Contains("==> Pester 5.7.1", output, StringComparison.Ordinal);
            Assert.Contains("==> pack", output, StringComparison.Ordinal);

            // Pester ran only the tests the filter names, and they passed.
            var cases = XDocument.Load(Path.Combine(RepoPaths.Root, "out", "reports", "pester.xml")).Descendants("test-case").ToList();
            Assert.NotEmpty(cases);
            Assert.All(cases, c => Assert.Contains(Filter, (string)c.Attribute("name")!, StringComparison.Ordinal));
            Assert.All(cases, c => Assert.Equal("Success", (string)c.Attribute("result")!));

            // The gallery layout: the module files at the package root, version from the build.
            using var package = ZipFile.OpenRead(_run.Package);
            var entries = package.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("AzBackupTroubleshoot.psd1", entries);
            Assert.Contains("AzBackupTroubleshoot.dll", entries);
            Assert.Contains("Dependencies/AzBackupTroubleshoot.Engine.dll", entries);
            Assert.Contains("en-US/AzBackupTroubleshoot.dll-Help.xml", entries);
        }

        [Fact]
        public void The_package_installs_from_a_local_repository_with_PSResourceGet_and_imports_by_name()
        {
            Assert.True(_run.Script.ExitCode == 0, _run.Script.Describe());
            var realConfig = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "PSResourceGet", "PSResourceRepository.xml");
            var realConfigBefore = File.Exists(realConfig) ? File.ReadAllText(realConfig) : null;
            var scratch = Directory.CreateTempSubdirectory("azbt-psresourceget-");
            try
            {
                // The repository holds this build's package only. PowerShell and PSResourceGet keep their settings and
                // caches under XDG_* and install for the current user under HOME: all in the scratch folder, not the
                // user's; the .NET tool is still found through the user's dotnet and NuGet folders.
                var repository = Directory.CreateDirectory(Path.Combine(scratch.FullName, "repository")).FullName;
                File.Copy(_run.Package, Path.Combine(repository, Path.GetFileName(_run.Package)));
                var saved = Path.Combine(scratch.FullName, "saved");
                var home = Directory.CreateDirectory(Path.Combine(scratch.FullName, "home")).FullName;
                var userProfile = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                var environment = new Dictionary<string, string?>
                {
                    ["HOME"] = home,
                    ["DOTNET_CLI_HOME"] = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") ?? userProfile,
                    ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(userProfile, ".nuget", "packages"),
                    ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
                    ["XDG_DATA_HOME"] = Directory.CreateDirectory(Path.Combine(scratch.FullName, "data")).FullName,
                    ["XDG_CONFIG_HOME"] = Directory.CreateDirectory(Path.Combine(scratch.FullName, "config")).FullName,
                    ["XDG_CACHE_HOME"] = Directory.CreateDirectory(Path.Combine(scratch.FullName, "cache")).FullName,
                    ["AZBT_REPOSITORY"] = repository,
                    ["AZBT_SAVED"] = Directory.CreateDirectory(saved).FullName,
                };
                const string Script =
                    "$ErrorActionPreference = 'Stop'; "
                    + "Register-PSResourceRepository -Name local -Uri $env:AZBT_REPOSITORY -Trusted; "
                    + "Save-PSResource -Name AzBackupTroubleshoot -Repository local -Path $env:AZBT_SAVED; "
                    + "Install-PSResource -Name AzBackupTroubleshoot -Repository local -Scope CurrentUser; "
                    + "$env:PSModulePath = $env:AZBT_SAVED + [IO.Path]::PathSeparator + $env:PSModulePath; "
                    + "Import-Module AzBackupTroubleshoot; "
                    + "(Get-Module AzBackupTroubleshoot).ModuleBase; "
                    + "(Get-AzBackupKnownIssue -Id A12 -Culture en-US).Id; "
                    + "(Get-InstalledPSResource -Name AzBackupTroubleshoot -Scope CurrentUser).Version.ToString(); "
                    + "(Get-InstalledPSResource -Name AzBackupTroubleshoot -Scope CurrentUser).InstalledLocation; "
                    + "(Get-PSResourceRepository -Name local).Uri.LocalPath";

                var install = ChildProcess.Dotnet(["tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-Command", Script], environment);

                Assert.True(install.ExitCode == 0, install.Describe());
                var lines = install.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.TrimEnd('/')).ToList();
                Assert.Equal(5, lines.Count);
                Assert.Equal([Path.Combine(saved, "AzBackupTroubleshoot", RepoPaths.ModuleVersion), "A12", RepoPaths.ModuleVersion], lines.Take(3));
                Assert.StartsWith(home, lines[3], StringComparison.Ordinal); // installed for the scratch user only
                Assert.Equal(repository, lines[4]);
                Assert.Equal(realConfigBefore, File.Exists(realConfig) ? File.ReadAllText(realConfig) : null);
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        }

        /// <summary>One run of ./build.ps1 -Package -TestFilter KnownIssue in this test run's configuration.</summary>
        public sealed class Run
        {
            public Run()
            {
                var restore = ChildProcess.Dotnet(["tool", "restore"]);
                Script = restore.ExitCode != 0
                    ? restore
                    : ChildProcess.Dotnet(["tool", "run", "pwsh", "-NoProfile", "-NonInteractive", "-File", "build.ps1", "-Configuration", RepoPaths.Configuration, "-Package", "-TestFilter", Filter]);
                Package = Path.Combine(RepoPaths.Root, "out", "package", $"AzBackupTroubleshoot.{RepoPaths.ModuleVersion}.nupkg");
            }

            internal ChildProcess Script { get; }

            public string Package { get; }
        }
    }
}
