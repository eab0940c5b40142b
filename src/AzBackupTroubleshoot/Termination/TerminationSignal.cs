namespace AzBackupTroubleshoot.Termination
{
    /// <summary>A request from outside to end the process, other than Ctrl+C (which PowerShell turns into StopProcessing).</summary>
    internal enum TerminationSignal
    {
        /// <summary>SIGTERM: how CI systems, containers and service managers cancel a job.</summary>
        Terminate,
        /// <summary>SIGHUP: the terminal or SSH session went away.</summary>
        HangUp,
        /// <summary>Windows: the console window is being closed (CTRL_CLOSE_EVENT).</summary>
        ConsoleClose,
        /// <summary>Windows: the user is logging off (CTRL_LOGOFF_EVENT).</summary>
        Logoff,
        /// <summary>Windows: the system is shutting down (CTRL_SHUTDOWN_EVENT).</summary>
        Shutdown,
    }
}
