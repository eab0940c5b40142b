using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace AzBackupTroubleshoot.HelpBuilder
{
    /// <summary>
    /// Reads the cmdlets of a built assembly through their attributes ([Cmdlet], [Parameter], [Alias],
    /// [SupportsWildcards]) without running them or loading PowerShell: the references it was compiled against resolve
    /// the types.
    /// </summary>
    internal static class CmdletReader
    {
        private const string Automation = "System.Management.Automation.";

        public static IReadOnlyList<CmdletShape> Read(string assemblyPath, IEnumerable<string> referencePaths)
        {
            var paths = referencePaths.Append(assemblyPath).Distinct(StringComparer.OrdinalIgnoreCase);
            using var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "netstandard");
            var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
            return assembly.GetTypes()
                .Select(t => (Type: t, Cmdlet: Attribute(t.GetCustomAttributesData(), "CmdletAttribute")))
                .Where(c => c.Cmdlet is not null && !c.Type.IsAbstract)
                .Select(c => Shape(c.Type, c.Cmdlet!))
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .ToList();
        }

        private static CmdletShape Shape(Type type, CustomAttributeData cmdlet)
        {
            var name = $"{cmdlet.ConstructorArguments[0].Value}-{cmdlet.ConstructorArguments[1].Value}";
            var parameters = Hierarchy(type)
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Select(Parameter)
                .Where(p => p is not null)
                .Select(p => p!)
                .ToList();
            if (Named<bool>(cmdlet, "SupportsShouldProcess"))
            {
                parameters.Add(RiskParameter("WhatIf", "wi"));
                parameters.Add(RiskParameter("Confirm", "cf"));
            }

            return new CmdletShape(name, Named<string>(cmdlet, "DefaultParameterSetName"), parameters);
        }

        /// <summary>Base class first, so inherited parameters come in the order the class hierarchy declares them.</summary>
        private static IEnumerable<Type> Hierarchy(Type type) =>
            type.BaseType is null ? [type] : Hierarchy(type.BaseType).Append(type);

        private static ParameterShape? Parameter(PropertyInfo property)
        {
            var attributes = property.GetCustomAttributesData();
            var sets = attributes.Where(a => a.AttributeType.FullName == Automation + "ParameterAttribute")
                .Select(a => new SetMembership(
                    Named<string>(a, "ParameterSetName") ?? ParameterShape.AllSets,
                    Named<bool>(a, "Mandatory"),
                    a.NamedArguments.Any(n => n.MemberName == "Position") ? Named<int>(a, "Position") : null,
                    Named<bool>(a, "ValueFromPipeline"),
                    Named<bool>(a, "ValueFromPipelineByPropertyName")))
                .ToList();
            if (sets.Count == 0)
            {
                return null;
            }

            var aliases = Attribute(attributes, "AliasAttribute")?.ConstructorArguments
                .SelectMany(a => a.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => (string)m.Value!) : [(string)a.Value!])
                .ToList() ?? [];
            return new ParameterShape(property.Name, ValueType(property.PropertyType).FullName!, aliases, Attribute(attributes, "SupportsWildcardsAttribute") is not null, sets);
        }

        /// <summary>Help names the value a parameter takes: DateTime, not Nullable`1 (unset is "not given", not a value).</summary>
        private static Type ValueType(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : type;

        private static ParameterShape RiskParameter(string name, string alias) =>
            new(name, Automation + "SwitchParameter", [alias], false, [new SetMembership(ParameterShape.AllSets, false, null, false, false)]);

        private static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> attributes, string name) =>
            attributes.FirstOrDefault(a => a.AttributeType.FullName == Automation + name);

        private static T? Named<T>(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => (T?)n.TypedValue.Value).FirstOrDefault();
    }
}
