using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AzBackupTroubleshoot.Engine.Tests.Harness;

/// <summary>
/// The architecture documents stay true: every type they name in code quotes (`Type` or `Type.Member`, not a method
/// call, not the recipe's placeholder `Xxx…`) is declared in src/ or, for the tests a recipe points to, in tests/.
/// </summary>
public sealed partial class ArchitectureDocTests
{
    [Theory]
    [InlineData("architecture.md")]
    [InlineData("adding-a-rule.md")]
    public void Every_type_a_document_names_exists(string document)
    {
        // The loading section names framework types (AssemblyLoadContext, AppDomain.AssemblyResolve…); the data's way and
        // the recipes before it name ours.
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", document)).Split("\n## Loading")[0];
        var named = QuotedTypeName().Matches(text).Select(m => m.Groups["name"].Value).Where(n => !n.StartsWith("Xxx", System.StringComparison.Ordinal)).Distinct().ToList();
        var declared = new[] { "src", "tests" }
            .SelectMany(folder => System.IO.Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", System.StringComparison.Ordinal))
            .SelectMany(f => Declaration().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value))
            .ToHashSet();

        Assert.NotEmpty(named);
        Assert.All(named, n => Assert.Contains(n, declared));
    }

    // `TypeName` or `TypeName.Member` or `TypeName.Method()`: a capitalised identifier in code quotes (cmdlet names have hyphens).
    [GeneratedRegex(@"`(?<name>[A-Z][A-Za-z0-9]+)(\.[A-Za-z]+(\(\))?)?`")]
    private static partial Regex QuotedTypeName();

    [GeneratedRegex(@"\b(class|record|interface|enum|struct)\s+(?<name>[A-Z][A-Za-z0-9]+)")]
    private static partial Regex Declaration();
}
