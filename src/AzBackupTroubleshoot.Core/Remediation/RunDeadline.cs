using System;
using System.Threading;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>The caller's cancellation (Ctrl+C, a termination signal) joined with the run's own deadline, told apart.</summary>
    internal sealed class RunDeadline : IDisposable
    {
        private readonly CancellationToken _caller;
        private readonly CancellationTokenSource _deadline;
        private readonly CancellationTokenSource _either;

        public RunDeadline(CancellationToken caller, TimeSpan? timeout)
        {
            _caller = caller;
            _deadline = timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
            _either = CancellationTokenSource.CreateLinkedTokenSource(caller, _deadline.Token);
        }

        public CancellationToken Token => _either.Token;

        /// <summary>The deadline passed and the caller did not cancel.</summary>
        public bool Expired => _deadline.IsCancellationRequested && !_caller.IsCancellationRequested;

        public void Dispose()
        {
            _either.Dispose();
            _deadline.Dispose();
        }
    }
}
