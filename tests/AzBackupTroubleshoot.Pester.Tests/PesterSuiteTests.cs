using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace AzBackupTroubleshoot.Pester.Tests
{
    /// <summary>
    /// Every Pester suite in tests/pester, run by tests/pester/Invoke-PesterSuites.ps1 in real pwsh against the built
    /// module, with the fake ARM started as its own process by the live suites. NUnit XML lands in out/reports/.
    /// </summary>
    public sealed class PesterSuiteTests
    {
        // Not build.ps1's pester.xml: the module tests run build.ps1 (filtered) at the same time, in another process.
        public static readonly string ReportPath = BuildOutput.Path("out", "reports", "pester-suites.xml");

        [Fact]
        public async Task Every_Pester_suite_passes_in_real_pwsh()
        {
            File.Delete(ReportPath);
            // The cleanups the suites run write their lock journal here, never in the user's own folder.
            var journal = Directory.CreateTempSubdirectory("azbt-pester-journal-").FullName;
            var environment = new Dictionary<string, string?>
            {
                ["AZBT_MODULE_PATH"] = BuildOutput.ModuleManifest,
                ["AZBT_FAKE_ARM_SERVER"] = BuildOutput.FakeArmServer,
                ["AZBT_JOURNAL_DIRECTORY"] = journal,
            };

            ChildProcess run;
            try
            {
                run = await PwshTool.RunAsync(
                    ["-File", BuildOutput.Path("tests", "pester", "Invoke-PesterSuites.ps1"), "-PesterModule", BuildOutput.PesterModule, "-ResultPath", ReportPath],
                    environment,
                    TimeSpan.FromMinutes(30));
                Assert.Empty(Directory.GetFiles(journal));
            }
            finally
            {
                Directory.Delete(journal, recursive: true);
            }

            Assert.True(run.ExitCode == 0, $"Pester failed (exit code {run.ExitCode}):\n{Failures(run.StandardOutput)}\n{run.StandardError}");
            var cases = XDocument.Load(ReportPath).Descendants("test-case").ToList();
            Assert.NotEmpty(cases);
            Assert.All(cases, c => Assert.Equal("Success", (string?)c.Attribute("result")));
        }

        // The runner lists each failure with its message after the run; without any (pwsh itself failed), the end of the output.
        private static string Failures(string output)
        {
            var lines = output.Split('\n');
            var failures = lines.SkipWhile(l => !l.StartsWith("FAILED: ", StringComparison.Ordinal)).ToArray();
            return string.Join('\n', failures.Length > 0 ? failures : lines.TakeLast(40));
        }
    }
}
