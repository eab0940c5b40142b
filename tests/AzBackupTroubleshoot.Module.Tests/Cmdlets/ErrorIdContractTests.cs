using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace AzBackupTroubleshoot.Module.Tests.Cmdlets
{
    /// <summary>
    /// Error ids are a contract: every id the module can write is in ErrorIds, every one of them is written somewhere,
    /// every error record is made from one, and the README's error table is generated from the class.
    /// </summary>
    public sealed class ErrorIdContractTests
    {
        /// <summary>Set to 1 to rewrite the README's error table from ErrorIds instead of failing when it differs.</summary>
        private const string RegenerateVariable = "AZBT_REGENERATE_ERROR_TABLE";
        private const string TableBegin = "<!-- error-ids:begin -->";
        private const string TableEnd = "<!-- error-ids:end -->";

        private static readonly string SourceRoot = Path.Combine(RepoPaths.Root, "src");

        private static readonly IReadOnlyList<(string Name, string Category, string Meaning)> Ids = ReadIds();

        [Fact]
        public void The_ids_are_unique_and_safe_in_a_fully_qualified_error_id()
        {
            Assert.True(Ids.Count > 30, $"Only {Ids.Count} ids were found in ErrorIds.");
            Assert.Equal(Ids.Count, Ids.Select(i => i.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(Ids, i => Assert.Matches("^[A-Z][A-Za-z]+$", i.Name));
            Assert.All(Ids, i => Assert.False(string.IsNullOrWhiteSpace(i.Meaning), i.Name + " has no meaning."));
        }

        [Fact]
        public void Every_id_is_written_somewhere()
        {
            var sources = string.Join("\n", Sources().Where(f => Path.GetFileName(f) != "ErrorIds.cs").Select(File.ReadAllText));

            var dead = Ids.Where(i => !sources.Contains("ErrorIds." + i.Name, StringComparison.Ordinal)).Select(i => i.Name).ToList();

            Assert.True(dead.Count == 0, "Ids no source uses (remove them from ErrorIds): " + string.Join(", ", dead));
        }

        [Fact]
        public void Every_error_record_is_made_from_an_id_of_ErrorIds()
        {
            // Constructing an ErrorRecord needs a category; only ErrorId (and the mapping of failures to ids) names one.
            var allowed = new[] { "ErrorId.cs", "ErrorIds.cs", "ErrorRecords.cs" };
            var offenders = Sources()
                .Where(f => !allowed.Contains(Path.GetFileName(f)))
                .SelectMany(f => File.ReadLines(f).Select((line, n) => (File: f, Line: n + 1, Text: line)))
                .Where(l => l.Text.Contains("new ErrorRecord(", StringComparison.Ordinal) || l.Text.Contains("ErrorCategory.", StringComparison.Ordinal))
                .Select(l => $"{Path.GetRelativePath(RepoPaths.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
                .ToList();
            var constructions = Sources()
                .Where(f => allowed.Contains(Path.GetFileName(f)))
                .Sum(f => Regex.Matches(File.ReadAllText(f), @"new ErrorRecord\(").Count);

            Assert.True(offenders.Count == 0, "Error records made outside ErrorIds (use ErrorIds.X.Record or ErrorRecords):\n" + string.Join("\n", offenders));
            Assert.Equal(1, constructions);
        }

        [Fact]
        public void The_readme_error_table_lists_exactly_the_ids_with_their_categories()
        {
            var readmePath = Path.Combine(RepoPaths.Root, "README.md");
            var readme = File.ReadAllText(readmePath);
            var begin = readme.IndexOf(TableBegin, StringComparison.Ordinal);
            var end = readme.IndexOf(TableEnd, StringComparison.Ordinal);
            Assert.True(begin >= 0 && end > begin, $"README.md has no {TableBegin} … {TableEnd} section.");
            var newline = readme.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var current = readme.Substring(begin, end + TableEnd.Length - begin);
            var expected = TableBegin + newline + Table(newline) + TableEnd;

            if (current != expected && Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
            {
                File.WriteAllText(readmePath, readme.Replace(current, expected));
                return;
            }

            Assert.True(
                current == expected,
                $"README.md's error table differs from ErrorIds. Regenerate it: {RegenerateVariable}=1 dotnet test tests/AzBackupTroubleshoot.Module.Tests --filter FullyQualifiedName~ErrorIdContractTests\nExpected:\n{expected}");
        }

        private static string Table(string newline)
        {
            var table = new StringBuilder();
            table.Append("| Error id | Category | Meaning |").Append(newline);
            table.Append("|---|---|---|").Append(newline);
            foreach (var (name, category, meaning) in Ids)
            {
                table.Append($"| `{name}` | {category} | {meaning} |").Append(newline);
            }

            return table.ToString();
        }

        private static IEnumerable<string> Sources() =>
            Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        // The test project does not reference the cmdlet assembly (the module is imported as users import it), so ErrorIds is read by reflection.
        private static List<(string Name, string Category, string Meaning)> ReadIds()
        {
            var assembly = Assembly.LoadFrom(Path.Combine(RepoPaths.ModuleDirectory, "AzBackupTroubleshoot.dll"));
            var all = (System.Collections.IEnumerable)assembly.GetType("AzBackupTroubleshoot.Commands.ErrorIds", throwOnError: true)!
                .GetProperty("All", BindingFlags.Public | BindingFlags.Static)!
                .GetValue(null)!;
            return all.Cast<object>()
                .Select(id => (
                    (string)id.GetType().GetProperty("Name")!.GetValue(id)!,
                    id.GetType().GetProperty("Category")!.GetValue(id)!.ToString()!,
                    (string)id.GetType().GetProperty("Meaning")!.GetValue(id)!))
                .ToList();
        }
    }
}
