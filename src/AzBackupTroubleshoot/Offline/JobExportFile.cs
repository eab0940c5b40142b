using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using AzBackupTroubleshoot.Engine.Export;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Offline
{
    /// <summary>
    /// The one door from the cmdlets to the engine's export reader. Engine types stay inside this class, so a cmdlet
    /// that never reads an export never loads the engine, and its exceptions leave as framework exceptions.
    /// </summary>
    internal static class JobExportFile
    {
        /// <summary>The jobs of the file, and a problem for each job that could not be read (naming the path and the job).</summary>
        /// <exception cref="FileNotFoundException">The file does not exist.</exception>
        /// <exception cref="InvalidDataException">The file is not a job export; the message names the path, line and position.</exception>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static (IReadOnlyList<JobEvidence> Jobs, IReadOnlyList<InvalidDataException> InvalidJobs) Read(string path)
        {
            try
            {
                var export = JobExportReader.Read(path);
                return (export.Jobs, export.InvalidJobs.Select(ex => new InvalidDataException(ex.Message, ex)).ToList());
            }
            catch (JobExportFormatException ex)
            {
                throw new InvalidDataException(ex.Message, ex);
            }
        }
    }
}
