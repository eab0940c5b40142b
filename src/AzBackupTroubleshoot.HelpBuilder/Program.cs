using System;
using System.IO;
using System.Linq;
using System.Text;

namespace AzBackupTroubleshoot.HelpBuilder
{
    /// <summary>
    /// HelpBuilder &lt;cmdlet assembly&gt; &lt;file listing its references&gt; &lt;docs/help&gt; &lt;output folder&gt;:
    /// writes &lt;output&gt;/&lt;culture&gt;/&lt;assembly&gt;-Help.xml for each culture folder of docs/help.
    /// </summary>
    internal static class Program
    {
        public const string SharedParametersFile = "_common-parameters.md";

        public static int Main(string[] args)
        {
            if (args.Length != 4)
            {
                Console.Error.WriteLine("usage: HelpBuilder <cmdlet assembly> <references file> <help folder> <output folder>");
                return 2;
            }

            try
            {
                var cmdlets = CmdletReader.Read(args[0], File.ReadAllLines(args[1]).Where(l => l.Length > 0));
                foreach (var culture in Directory.GetDirectories(args[2]).OrderBy(d => d, StringComparer.Ordinal))
                {
                    var document = MamlWriter.Write(
                        cmdlets,
                        Directory.GetFiles(culture, "*.md").Where(f => Path.GetFileName(f) != SharedParametersFile)
                            .Select(f => HelpMarkdown.ReadCommand(File.ReadAllText(f))).ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase),
                        HelpMarkdown.ReadParameters(File.ReadAllText(Path.Combine(culture, SharedParametersFile))));
                    var output = Path.Combine(args[3], Path.GetFileName(culture), Path.GetFileName(args[0]) + "-Help.xml");
                    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
                    using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
                    document.Save(writer);
                }

                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or IOException)
            {
                // MSBuild shows "error" lines as build errors, naming the cmdlet and parameter.
                Console.Error.WriteLine($"error AZBTHELP: {e.Message}");
                return 1;
            }
        }
    }
}
