using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace AzBackupTroubleshoot.Termination
{
    /// <summary>
    /// Watches for termination (SIGTERM, SIGHUP; on Windows console close, logoff and shutdown) while a run may have
    /// locks lifted: the signal stops the run as Ctrl+C would, and the process is held until the run has put its
    /// locks back and reported (or the hold limit passes); then the platform ends it as it meant to.
    /// </summary>
    internal sealed class TerminationGuard : IDisposable
    {
        private readonly Action<TerminationSignal> _stop;
        private readonly TimeSpan _holdLimit;
        private readonly ManualResetEventSlim _finished = new();
        private IDisposable? _hook;

        internal TerminationGuard(Action<TerminationSignal> stop, TimeSpan holdLimit)
        {
            _stop = stop;
            _holdLimit = holdLimit;
        }

        /// <param name="stop">Stops the run; called on the platform's thread.</param>
        /// <param name="holdLimit">How long the process is held at most once a signal came.</param>
        public static TerminationGuard Start(Action<TerminationSignal> stop, TimeSpan holdLimit)
        {
            var guard = new TerminationGuard(stop, holdLimit);
            guard._hook = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? ConsoleControlHook.Register(guard.Hold)
                : PosixSignalHook.Register(guard.Hold);
            return guard;
        }

        /// <summary>A termination arrived: stop the run and return only once it has finished (or the hold limit passed).</summary>
        internal void Hold(TerminationSignal signal)
        {
            _stop(signal);
            _finished.Wait(_holdLimit);
        }

        /// <summary>The run has finished and reported: a held termination may go ahead; no more signals are watched.</summary>
        public void Dispose()
        {
            _finished.Set();
            _hook?.Dispose();
        }
    }
}
