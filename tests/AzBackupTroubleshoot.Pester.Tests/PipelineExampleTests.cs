using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AzBackupTroubleshoot.Pester.Tests
{
    /// <summary>
    /// The pipeline examples in docs/examples: each signs in without a stored secret, installs the module, runs the
    /// readiness gate (docs/examples/BackupReadiness.Tests.ps1, which the Pester suites run against the fake ARM) so
    /// that a failed gate fails the job, and publishes the JUnit report at the path the gate writes it to.
    /// </summary>
    public sealed partial class PipelineExampleTests
    {
        private const string Gate = "BackupReadiness.Tests.ps1";

        /// <summary>The gate's default -ReportPath, as its param block declares it.</summary>
        private static string GateReportPath()
        {
            var match = ReportPathDefault().Match(File.ReadAllText(BuildOutput.Path("docs", "examples", Gate)));
            Assert.True(match.Success, "the gate declares [string] $ReportPath = '…'");
            return match.Groups["path"].Value;
        }

        [Fact]
        public void GitHub_Actions_signs_in_with_OIDC_runs_the_gate_and_publishes_its_JUnit_report()
        {
            var workflow = Load("github-actions-backup-readiness.yml");
            Assert.Equal("write", Text(Child(workflow, "permissions"), "id-token"));
            var steps = Steps(Child(Child(workflow, "jobs"), "readiness"), "steps");

            var login = Index(steps, s => Text(s, "uses")?.StartsWith("azure/login@", StringComparison.Ordinal) == true);
            var with = Child(steps[login], "with");
            Assert.All(["client-id", "tenant-id", "subscription-id"], key => Assert.False(string.IsNullOrEmpty(Text(with, key)), key));
            Assert.Equal("true", Text(with, "enable-AzPSSession"));
            Assert.Null(Text(with, "creds")); // a federated credential: no secret
            var install = Index(steps, s => Text(s, "run")?.Contains("Install-PSResource -Name AzBackupTroubleshoot", StringComparison.Ordinal) == true);
            var gate = Index(steps, s => Text(s, "uses")?.StartsWith("azure/powershell@", StringComparison.Ordinal) == true);
            AssertRunsTheGate(Text(Child(steps[gate], "with"), "inlineScript"));
            var publish = Index(steps, s => Text(s, "uses")?.StartsWith("dorny/test-reporter@", StringComparison.Ordinal) == true);
            var report = Child(steps[publish], "with");
            Assert.Equal(GateReportPath(), Text(report, "path"));
            Assert.Equal("java-junit", Text(report, "reporter"));
            Assert.Contains(Text(steps[publish], "if"), new[] { "${{ !cancelled() }}", "always()", "${{ always() }}" });
            Assert.True(login < gate && install < gate && gate < publish, "sign in and install, then the gate, then the report");
        }

        [Fact]
        public void Azure_Pipelines_signs_in_through_the_service_connection_runs_the_gate_and_publishes_its_JUnit_report()
        {
            var pipeline = Load("azure-pipelines-backup-readiness.yml");
            var steps = Steps(pipeline, "steps");

            var install = Index(steps, s => Text(s, "pwsh")?.Contains("Install-PSResource -Name AzBackupTroubleshoot", StringComparison.Ordinal) == true);
            var gate = Index(steps, s => Text(s, "task")?.StartsWith("AzurePowerShell@", StringComparison.Ordinal) == true);
            var inputs = Child(steps[gate], "inputs");
            Assert.False(string.IsNullOrEmpty(Text(inputs, "azureSubscription")));
            Assert.Equal("true", Text(inputs, "pwsh"));
            Assert.Equal("InlineScript", Text(inputs, "ScriptType"));
            AssertRunsTheGate(Text(inputs, "Inline"));
            var publish = Index(steps, s => Text(s, "task")?.StartsWith("PublishTestResults@", StringComparison.Ordinal) == true);
            var report = Child(steps[publish], "inputs");
            Assert.Equal("JUnit", Text(report, "testResultsFormat"));
            Assert.Equal(GateReportPath(), Text(report, "testResultsFiles"));
            Assert.Contains(Text(steps[publish], "condition"), new[] { "succeededOrFailed()", "always()" });
            Assert.True(install < gate && gate < publish, "install, then the gate, then the report");
        }

        // The gate file is the one in docs/examples, and a failed test fails the step.
        private static void AssertRunsTheGate(string? script)
        {
            Assert.NotNull(script);
            Assert.Contains($"New-PesterContainer -Path ./{Gate}", script, StringComparison.Ordinal);
            Assert.Contains("$configuration.Run.Exit = $true", script, StringComparison.Ordinal);
            Assert.Contains("Invoke-Pester -Configuration $configuration", script, StringComparison.Ordinal);
            Assert.DoesNotContain("ReportPath", script, StringComparison.Ordinal); // the gate's default is the published path
        }

        private static YamlMappingNode Load(string name)
        {
            using var reader = new StreamReader(BuildOutput.Path("docs", "examples", name));
            var stream = new YamlStream();
            stream.Load(reader);
            return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
        }

        private static YamlMappingNode Child(YamlMappingNode node, string key) =>
            Assert.IsType<YamlMappingNode>(node.Children[new YamlScalarNode(key)]);

        private static YamlMappingNode[] Steps(YamlMappingNode node, string key) =>
            [.. Assert.IsType<YamlSequenceNode>(node.Children[new YamlScalarNode(key)]).Children.Select(Assert.IsType<YamlMappingNode>)];

        private static string? Text(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

        private static int Index(YamlMappingNode[] steps, Func<YamlMappingNode, bool> match)
        {
            var index = Array.FindIndex(steps, s => match(s));
            Assert.True(index >= 0, "the step is missing");
            return index;
        }

        [GeneratedRegex(@"\[string\]\s*\$ReportPath\s*=\s*'(?<path>[^']+)'")]
        private static partial Regex ReportPathDefault();
    }
}
