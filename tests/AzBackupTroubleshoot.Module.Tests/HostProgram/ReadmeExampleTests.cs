using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AzBackupTroubleshoot.Module.Tests.HostProgram
{
    /// <summary>
    /// Every README line that needs no Azure sign-in runs in azbt-host exactly as written, from a folder laid out like
    /// the repository (the bundled sample export in docs/samples) so that files the lines write stay out of the repository.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public sealed partial class ReadmeExampleTests
    {
        public static TheoryData<string> OfflineLines() => new(ReadmeOfflineLines());

        [Fact]
        public void The_README_shows_the_pipelines_a_user_builds_on_the_cmdlets()
        {
            var lines = ReadmeOfflineLines();

            Assert.Contains(lines, l => l.Contains("| Format-Table -View Summary", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("| Select-Object ", StringComparison.Ordinal) && l.Contains("| Export-Csv ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("| ConvertTo-Json", StringComparison.Ordinal));
        }

        [Theory]
        [MemberData(nameof(OfflineLines))]
        public void A_README_line_runs_in_azbt_host_as_written(string line)
        {
            var folder = SampleFolder();
            try
            {
                var run = HostRun.Start(line, new Dictionary<string, string> { ["LANG"] = "en_US.UTF-8", ["LC_ALL"] = "en_US.UTF-8" }, folder.FullName);

                Assert.True(run.ExitCode == 0, run.StandardError);
                Assert.Equal(string.Empty, run.StandardError);
                if (line.Contains("Export-Csv", StringComparison.Ordinal))
                {
                    var csv = File.ReadAllLines(Path.Combine(folder.FullName, CsvTarget().Match(line).Groups["path"].Value));
                    Assert.Equal("\"WorkloadName\",\"KnowledgeId\",\"Title\",\"Count\"", csv[0]);
                    Assert.Contains(csv, row => row.StartsWith("\"vm-sql03\",\"B4\",", StringComparison.Ordinal));
                }
                else if (line.Contains("ConvertTo-Json", StringComparison.Ordinal))
                {
                    Assert.Equal("A12", JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("KnowledgeId").GetString());
                }
                else if (line.Contains("Format-Table -View Summary", StringComparison.Ordinal))
                {
                    // One table line per object under an "Id ... Title" header, where the default view is a list.
                    Assert.Matches(@"(?m)^.*\bId\b.*\bTitle\s*\r?\n[- ]+\r?$", run.StandardOutput);
                }
                else
                {
                    Assert.NotEqual(string.Empty, run.StandardOutput.Trim());
                }
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        // The powershell lines of the README that read only the knowledge base or the bundled sample.
        private static List<string> ReadmeOfflineLines()
        {
            var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
            return PowerShellBlock().Matches(readme)
                .SelectMany(block => block.Groups["code"].Value.Split('\n'))
                .Select(l => l.Trim())
                .Where(l => l.StartsWith("Get-AzBackupKnownIssue", StringComparison.Ordinal)
                    || l.StartsWith("Get-AzBackupFailureDiagnosis -ErrorCode", StringComparison.Ordinal)
                    || l.StartsWith("Get-AzBackupFailureDiagnosis -Path docs/samples/", StringComparison.Ordinal))
                .ToList();
        }

        private static DirectoryInfo SampleFolder()
        {
            var folder = Directory.CreateTempSubdirectory("azbt-readme-");
            var samples = Directory.CreateDirectory(Path.Combine(folder.FullName, "docs", "samples"));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs", "samples")))
            {
                File.Copy(file, Path.Combine(samples.FullName, Path.GetFileName(file)));
            }

            return folder;
        }

        [GeneratedRegex(@"```powershell\n(?<code>.*?)```", RegexOptions.Singleline)]
        private static partial Regex PowerShellBlock();

        [GeneratedRegex(@"Export-Csv (?<path>\S+)")]
        private static partial Regex CsvTarget();
    }
}
