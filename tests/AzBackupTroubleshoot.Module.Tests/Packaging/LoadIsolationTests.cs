using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using AzBackupTroubleshoot.Module.Tests.HostProgram;

namespace AzBackupTroubleshoot.Module.Tests.Packaging
{
    /// <summary>
    /// The engine and the Azure SDK must stay out of PowerShell's default load context. Each check runs in a fresh
    /// azbt-host process, so what another test loaded into this process cannot hide or fake a result.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public sealed class LoadIsolationTests
    {
        private const string ListAssemblies =
            "[System.Runtime.Loader.AssemblyLoadContext]::All | ForEach-Object { $context = $_; $_.Assemblies | ForEach-Object { $context.Name + '|' + $_.GetName().Name } }";

        private readonly ModuleSession _session;

        public LoadIsolationTests(ModuleSession session)
        {
            _session = session;
        }

        [Fact]
        public void Import_and_a_knowledge_query_load_no_engine_and_no_azure_assembly()
        {
            var loaded = Loaded("$null = Get-AzBackupKnownIssue -Code 320001; $null = Get-AzBackupFailureDiagnosis -ErrorCode 320001; " + ListAssemblies);

            Assert.Contains(("Default", "AzBackupTroubleshoot"), loaded);
            Assert.Contains(("Default", "AzBackupTroubleshoot.Core"), loaded);
            Assert.DoesNotContain(loaded, a => a.Assembly.StartsWith("Azure.", StringComparison.Ordinal) || a.Assembly == "AzBackupTroubleshoot.Engine");
        }

        [Fact]
        public void The_engine_loads_into_the_private_context_and_shares_Core_with_the_cmdlets()
        {
            var loaded = Loaded($"$null = Get-AzBackupFailureDiagnosis -Path '{RepoPaths.Sample("az-backup-job-list.json")}'; " + ListAssemblies);

            Assert.Contains(("DependencyLoadContext", "AzBackupTroubleshoot.Engine"), loaded);
            Assert.DoesNotContain(("Default", "AzBackupTroubleshoot.Engine"), loaded);
            Assert.Equal(["Default"], loaded.Where(a => a.Assembly == "AzBackupTroubleshoot.Core").Select(a => a.Context));
        }

        [Fact]
        public void No_public_member_or_cmdlet_field_of_the_cmdlet_assembly_names_an_engine_or_azure_type()
        {
            var assembly = (Assembly)_session.Run("(Get-Module AzBackupTroubleshoot).ImplementingAssembly").Output.Single().BaseObject;
            var offenders = new List<string>();
            foreach (var type in assembly.GetExportedTypes())
            {
                var members = type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
                foreach (var member in members)
                {
                    var isVisible = member switch
                    {
                        FieldInfo f => true, // private state of a cmdlet counts too: PowerShell reflects over it
                        MethodBase m => m.IsPublic || m.IsFamily,
                        PropertyInfo p => p.GetMethod?.IsPublic == true || p.SetMethod?.IsPublic == true,
                        _ => false,
                    };
                    if (isVisible && TypesOf(member).Any(IsIsolated))
                    {
                        offenders.Add(type.Name + "." + member.Name);
                    }
                }
            }

            Assert.Empty(offenders);
        }

        [Fact]
        public void On_Windows_PowerShell_the_support_assemblies_are_redirected_to_the_shipped_version()
        {
            // .NET Framework cannot be run here; the resolver's decision is what can be checked.
            var resolverType = ((Assembly)_session.Run("(Get-Module AzBackupTroubleshoot).ImplementingAssembly").Output.Single().BaseObject)
                .GetType("AzBackupTroubleshoot.Loading.FrameworkDependencyResolver", throwOnError: true)!;
            var dependencies = Path.Combine(RepoPaths.ModuleDirectory, "Dependencies");
            var resolver = Activator.CreateInstance(resolverType, BindingFlags.Public | BindingFlags.Instance, null, [RepoPaths.ModuleDirectory], null)!;
            var pathFor = resolverType.GetMethod("PathFor", BindingFlags.NonPublic | BindingFlags.Instance)!;
            string? PathFor(string name) => (string?)pathFor.Invoke(resolver, [new AssemblyName(name)]);

            Assert.Equal(Path.Combine(dependencies, "System.Memory.dll"), PathFor("System.Memory, Version=99.0.0.0"));
            Assert.Equal(Path.Combine(dependencies, "System.Text.Json.dll"), PathFor("System.Text.Json, Version=4.0.0.0"));
            Assert.Equal(Path.Combine(dependencies, "AzBackupTroubleshoot.Engine.dll"), PathFor("AzBackupTroubleshoot.Engine, Version=" + RepoPaths.ModuleVersion));
            Assert.Equal(Path.Combine(dependencies, "Azure.Core.dll"), PathFor("Azure.Core, Version=1.0.0.0"));
            Assert.Null(PathFor("Azure.Core, Version=99.0.0.0"));
            Assert.Null(PathFor("Not.Shipped, Version=1.0.0.0"));
            Assert.Equal(Path.Combine(RepoPaths.ModuleDirectory, "AzBackupTroubleshoot.Core.dll"), PathFor("AzBackupTroubleshoot.Core, Version=" + RepoPaths.ModuleVersion));
        }

        private static List<(string Context, string Assembly)> Loaded(string script)
        {
            var run = HostRun.Start(script);
            Assert.True(run.ExitCode == 0, run.StandardError);
            return run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split('|'))
                .Where(parts => parts.Length == 2)
                .Select(parts => (parts[0], parts[1]))
                .ToList();
        }

        private static IEnumerable<Type> TypesOf(MemberInfo member) => member switch
        {
            FieldInfo f => [f.FieldType],
            PropertyInfo p => [p.PropertyType],
            MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
            ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
            _ => [],
        };

        private static bool IsIsolated(Type type)
        {
            var name = type.Assembly.GetName().Name ?? string.Empty;
            return name == "AzBackupTroubleshoot.Engine" || name.StartsWith("Azure.", StringComparison.Ordinal)
                || (type.IsGenericType && type.GetGenericArguments().Any(IsIsolated))
                || (type.HasElementType && IsIsolated(type.GetElementType()!));
        }
    }
}
