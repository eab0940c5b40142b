namespace AzBackupTroubleshoot.Termination
{
    /// <summary>Which platform notifications end the process and must first stop the run and put its locks back.</summary>
    internal static class TerminationSignals
    {
        /// <summary>
        /// A Windows console control event (wincon.h): close, logoff and shutdown end the process once the handler
        /// returns; Ctrl+C (0) and Ctrl+Break (1) are left to PowerShell, which stops the pipeline itself.
        /// </summary>
        public static TerminationSignal? FromConsoleControl(int controlType) => controlType switch
        {
            2 => TerminationSignal.ConsoleClose,
            5 => TerminationSignal.Logoff,
            6 => TerminationSignal.Shutdown,
            _ => null,
        };

        /// <summary>A POSIX signal by its name (the PosixSignal enum's): SIGTERM and SIGHUP; SIGINT is Ctrl+C, PowerShell's.</summary>
        public static TerminationSignal? FromPosixSignal(string name) => name switch
        {
            "SIGTERM" => TerminationSignal.Terminate,
            "SIGHUP" => TerminationSignal.HangUp,
            _ => null,
        };

        /// <summary>How a signal is named to the user.</summary>
        public static string Describe(TerminationSignal signal) => signal switch
        {
            TerminationSignal.Terminate => "SIGTERM",
            TerminationSignal.HangUp => "SIGHUP",
            TerminationSignal.ConsoleClose => "The console window is closing",
            TerminationSignal.Logoff => "The user is logging off",
            _ => "The system is shutting down",
        };
    }
}
