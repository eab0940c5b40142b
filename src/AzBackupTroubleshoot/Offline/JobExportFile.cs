using System;
using System.Collections.Generic;
using System.IO;
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
        /// <exception cref="FileNotFoundException">The file does not exist.</exception>
        /// <exception cref="InvalidDataException">The file is not a job export; the message names the path, line and position.</exception>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static IReadOnlyList<JobEvidence> Read(string path)
        {
            try
            {
                return JobExportReader.Read(path);
            }
            catch (JobExportFormatException ex)
            {
                throw new InvalidDataException(ex.Message, ex);
            }
        }
    }
}
