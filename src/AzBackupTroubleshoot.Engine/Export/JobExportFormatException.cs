using System;

namespace AzBackupTroubleshoot.Engine.Export
{
    /// <summary>A job export file is not the JSON that <c>az backup job list/show -o json</c> writes.</summary>
    public sealed class JobExportFormatException : Exception
    {
        public JobExportFormatException(string path, long? line, long? position, string problem, Exception? innerException = null)
            : base(Describe(path, line, position, problem), innerException)
        {
            Path = path;
            Line = line;
            Position = position;
        }

        public string Path { get; }

        /// <summary>1-based line of the problem, when known.</summary>
        public long? Line { get; }

        /// <summary>1-based byte position in that line, when known.</summary>
        public long? Position { get; }

        private static string Describe(string path, long? line, long? position, string problem) =>
            line.HasValue
                ? $"'{path}' is not a valid backup job export (line {line}, position {position}): {problem}"
                : $"'{path}' is not a valid backup job export: {problem}";
    }
}
