using System;

namespace AzBackupTroubleshoot.Engine.Export
{
    /// <summary>A job export file, or one job in it, is not the JSON that <c>az backup job list/show -o json</c> writes.</summary>
    public sealed class JobExportFormatException : Exception
    {
        public JobExportFormatException(string path, long? line, long? position, string problem, Exception? innerException = null)
            : base(Describe(path, line, position, problem), innerException)
        {
            Path = path;
            Line = line;
            Position = position;
        }

        private JobExportFormatException(string path, int job, string problem)
            : base($"Job {job} of '{path}' is not a valid backup job: {problem} The other jobs of the file are read.")
        {
            Path = path;
            Job = job;
        }

        public string Path { get; }

        /// <summary>1-based line of the problem, when known.</summary>
        public long? Line { get; }

        /// <summary>1-based byte position in that line, when known.</summary>
        public long? Position { get; }

        /// <summary>1-based position of the job in the file, when the problem is that job's alone.</summary>
        public int? Job { get; }

        public static JobExportFormatException InJob(string path, int job, string problem) => new(path, job, problem);

        private static string Describe(string path, long? line, long? position, string problem) =>
            line.HasValue
                ? $"'{path}' is not a valid backup job export (line {line}, position {position}): {problem}"
                : $"'{path}' is not a valid backup job export: {problem}";
    }
}
