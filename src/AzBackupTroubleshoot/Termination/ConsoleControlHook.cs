using System;
using System.Runtime.InteropServices;

namespace AzBackupTroubleshoot.Termination
{
    /// <summary>
    /// Windows console close, logoff and shutdown events through SetConsoleCtrlHandler (every Windows PowerShell and
    /// PowerShell 7). Windows ends the process once the handler returns, so the handler returns only when the run is done.
    /// </summary>
    internal sealed class ConsoleControlHook : IDisposable
    {
        private readonly NativeMethods.ConsoleControlHandler _handler;

        private ConsoleControlHook(Action<TerminationSignal> onSignal)
        {
            // Kept in a field: the native side holds only a pointer, the delegate must outlive the registration.
            _handler = controlType =>
            {
                var signal = TerminationSignals.FromConsoleControl((int)controlType);
                if (signal == null)
                {
                    return false;
                }

                onSignal(signal.Value);
                return true;
            };
        }

        public static IDisposable Register(Action<TerminationSignal> onSignal)
        {
            var hook = new ConsoleControlHook(onSignal);
            NativeMethods.SetConsoleCtrlHandler(hook._handler, add: true);
            return hook;
        }

        public void Dispose() => NativeMethods.SetConsoleCtrlHandler(_handler, add: false);

        private static class NativeMethods
        {
            [return: MarshalAs(UnmanagedType.Bool)]
            public delegate bool ConsoleControlHandler(uint controlType);

            [DllImport("kernel32.dll", SetLastError = true)]
            [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
            [return: MarshalAs(UnmanagedType.Bool)]
            public static extern bool SetConsoleCtrlHandler(ConsoleControlHandler handler, [MarshalAs(UnmanagedType.Bool)] bool add);
        }
    }
}
