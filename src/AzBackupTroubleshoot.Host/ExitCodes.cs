namespace AzBackupTroubleshoot.Host
{
    /// <summary>What azbt-host's exit code means.</summary>
    internal static class ExitCodes
    {
        /// <summary>The command ran and wrote no error.</summary>
        public const int Success = 0;

        /// <summary>The command wrote an error or threw.</summary>
        public const int CommandFailed = 1;

        /// <summary>No command was given, or the module could not be imported.</summary>
        public const int Usage = 2;
    }
}
