using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Text.Json;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Core.Tests.Scripting;

namespace AzBackupTroubleshoot.Module.Tests.Scripting
{
    /// <summary>The commands the module prints, read by PowerShell's own parser: hostile names stay literal arguments.</summary>
    [Collection(ModuleCollection.Name)]
    public sealed class PrintedCommandTests : IDisposable
    {
        private const string Sub = "00000000-0000-0000-0000-000000000001";
        private static readonly Type[] CodeNodes = [typeof(SubExpressionAst), typeof(VariableExpressionAst), typeof(ExpandableStringExpressionAst), typeof(ScriptBlockExpressionAst), typeof(InvokeMemberExpressionAst)];
        private readonly ModuleSession _session;
        private readonly string _scratch = Path.Combine(Path.GetTempPath(), "azbt-commands-" + Guid.NewGuid().ToString("N"));

        public PrintedCommandTests(ModuleSession session)
        {
            _session = session;
            Directory.CreateDirectory(_scratch);
        }

        public void Dispose() => Directory.Delete(_scratch, recursive: true);

        public static TheoryData<string, string> LockFields() => HostileValues.InEach("Name", "Level", "Notes", "ResourceGroupName", "Scope");

        public static TheoryData<string> Names() => HostileValues.Theory();

        [Theory]
        [MemberData(nameof(LockFields))]
        public void The_lock_command_is_one_command_whose_arguments_are_the_lock_values(string field, string value)
        {
            var name = field == "Name" ? value : "keep";
            var level = field == "Level" ? value : "CanNotDelete";
            var notes = field == "Notes" ? value : "do not delete";
            var group = field == "ResourceGroupName" ? value : "AzureBackupRG_eastus_1";
            var scope = field == "Scope" ? $"/subscriptions/{Sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/{value}" : $"/subscriptions/{Sub}/resourceGroups/{group}";

            var command = RecreateLock(name, level, scope, notes);

            var ast = ParseOne(command);
            var pipeline = Assert.IsType<PipelineAst>(Assert.Single(ast.EndBlock.Statements));
            var call = Assert.IsType<CommandAst>(Assert.Single(pipeline.PipelineElements));
            Assert.Equal("New-AzResourceLock", call.GetCommandName());
            Assert.Empty(ast.FindAll(n => CodeNodes.Contains(n.GetType()), searchNestedScriptBlocks: true));
            var arguments = Arguments(call);
            Assert.Equal(["LockName", "LockLevel", field == "Scope" ? "Scope" : "ResourceGroupName", "LockNotes", "Force"], arguments.Keys);
            Assert.Equal([name, level, field == "Scope" ? scope : group, notes, null], arguments.Values);
        }

        [Fact]
        public void A_lock_with_a_NUL_gets_a_command_that_runs_nothing()
        {
            var command = RecreateLock("keep\0'; Invoke-Pwned", "CanNotDelete", $"/subscriptions/{Sub}/resourceGroups/rg", "n");

            Assert.Empty(ParseOne(command).EndBlock.Statements);
        }

        [Theory]
        [MemberData(nameof(Names))]
        public void A_job_export_with_hostile_names_gives_remedy_commands_that_only_carry_them(string hostile)
        {
            var path = WriteExport(hostile);
            var expected = new Dictionary<string, string>
            {
                ["VmId"] = $"/subscriptions/{Sub}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/{hostile}",
                ["VMName"] = hostile,
                ["ResourceGroupName"] = "rg-app",
                ["VaultName"] = hostile,
                ["VaultResourceGroupName"] = "rg-vault",
                ["JobId"] = hostile,
            };

            var result = _session.Run("param($path) Get-AzBackupFailureDiagnosis -LiteralPath $path -Culture en-US", path);

            Assert.Empty(result.Errors);
            Assert.Equal(["A12", "B10", "B4"], result.Strings("KnowledgeId").Order());
            var commands = Commands(result).ToList();
            Assert.Contains(commands, c => c.Template.Contains("'{JobId}'") && c.Template.Contains("'{VaultName}'"));
            Assert.Contains(commands, c => c.Template.Contains("'{VMName}'"));
            // A ';' splits the container name differently, so no VM id is known and its commands stay unfilled.
            Assert.Equal(!hostile.Contains(';'), commands.Any(c => c.Template.Contains("'{VmId}'")));
            Assert.All(commands, c => AssertCarriesOnly(c.Template, c.Command, expected));
        }

        [Fact]
        public void Names_with_a_NUL_leave_their_commands_unfilled()
        {
            var result = _session.Run("param($path) Get-AzBackupFailureDiagnosis -LiteralPath $path -Culture en-US", WriteExport("vm\0' $(Invoke-Pwned) '"));

            Assert.Empty(result.Errors);
            Assert.Equal(3, result.Output.Count);
            Assert.DoesNotContain(Commands(result), c => c.Template.Contains("'{", StringComparison.Ordinal) || c.Command.Contains('\0', StringComparison.Ordinal));
        }

        private static IEnumerable<(string Template, string Command)> Commands(ScriptResult result) =>
            result.Output
                .SelectMany(d => ((System.Collections.IEnumerable)d.Properties["Remedies"].Value).Cast<dynamic>())
                .Where(r => r.Command != null)
                .Select(r => ((string)r.CommandTemplate, (string)r.Command));

        private string WriteExport(string hostile)
        {
            var path = Path.Combine(_scratch, "jobs.json");
            File.WriteAllText(path, JsonSerializer.Serialize(new[] { "UserErrorRpCollectionLimitReached", "320001", "UserErrorBackupOperationInProgress" }.Select(code => new
            {
                id = $"/Subscriptions/{Sub}/resourceGroups/rg-vault/providers/Microsoft.RecoveryServices/vaults/{hostile}/backupJobs/{hostile}",
                name = hostile,
                properties = new
                {
                    containerName = $"iaasvmcontainerv2;rg-app;{hostile}",
                    entityFriendlyName = hostile,
                    operation = "Backup",
                    status = "Failed",
                    errorDetails = new[] { new { errorCode = code, errorString = "failed" } },
                },
            })));
            return path;
        }

        // The filled command has exactly the template's syntax tree; only the placeholders' strings differ, and they hold the names.
        private static void AssertCarriesOnly(string template, string command, Dictionary<string, string> values)
        {
            var templateNodes = ParseOne(template).FindAll(_ => true, searchNestedScriptBlocks: true).ToList();
            var commandNodes = ParseOne(command).FindAll(_ => true, searchNestedScriptBlocks: true).ToList();

            Assert.Equal(templateNodes.Select(n => n.GetType()), commandNodes.Select(n => n.GetType()));
            foreach (var (fromTemplate, filled) in templateNodes.Zip(commandNodes).Where(p => p.First is StringConstantExpressionAst))
            {
                var text = ((StringConstantExpressionAst)fromTemplate).Value;
                var placeholder = Regex.Match(text, @"^\{(\w+)\}$");
                Assert.Equal(placeholder.Success ? values[placeholder.Groups[1].Value] : text, ((StringConstantExpressionAst)filled).Value);
            }
        }

        private string RecreateLock(string name, string level, string scope, string notes)
        {
            var result = _session.Run(
                "param($name, $level, $scope, $notes) [AzBackupTroubleshoot.Remediation.LockCommands]::Recreate([AzBackupTroubleshoot.Evidence.LockEvidence]@{ "
                + "ResourceId = $scope + '/providers/Microsoft.Authorization/locks/lock'; Name = $name; Level = $level; Scope = $scope; Notes = $notes })",
                name, level, scope, notes);
            Assert.Empty(result.Errors);
            return (string)Assert.Single(result.Output).BaseObject;
        }

        private static ScriptBlockAst ParseOne(string script)
        {
            var ast = Parser.ParseInput(script, out _, out var errors);
            Assert.Empty(errors.Select(e => e.Message));
            return ast;
        }

        private static Dictionary<string, string?> Arguments(CommandAst call)
        {
            var arguments = new Dictionary<string, string?>();
            var elements = call.CommandElements.Skip(1).ToList();
            for (var i = 0; i < elements.Count; i++)
            {
                var parameter = Assert.IsType<CommandParameterAst>(elements[i]);
                var value = i + 1 < elements.Count ? elements[i + 1] as StringConstantExpressionAst : null;
                Assert.True(value == null || value.StringConstantType == StringConstantType.SingleQuoted);
                arguments.Add(parameter.ParameterName, value?.Value);
                i += value == null ? 0 : 1;
            }

            return arguments;
        }
    }
}
