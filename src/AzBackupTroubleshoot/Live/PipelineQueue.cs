using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Live
{
    /// <summary>
    /// Lets background work write to the pipeline: work queues what it wants written, and the pipeline thread — the
    /// only thread PowerShell allows to call Write* — drains the queue until the work ends.
    /// </summary>
    public sealed class PipelineQueue
    {
        private readonly BlockingCollection<Action<Cmdlet>> _pending = new();

        public void WriteObject(object value) => _pending.Add(c => c.WriteObject(value));

        public void WriteError(ErrorRecord error) => _pending.Add(c => c.WriteError(error));

        public void WriteWarning(string text) => _pending.Add(c => c.WriteWarning(text));

        public void WriteVerbose(string text) => _pending.Add(c => c.WriteVerbose(text));

        public void WriteProgress(ProgressRecord progress) => _pending.Add(c => c.WriteProgress(progress));

        /// <summary>Runs <paramref name="call"/> on the pipeline thread (e.g. a PowerShell command) and returns its result.</summary>
        public Task<T> Invoke<T>(Func<PSCmdlet, T> call)
        {
            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending.Add(c =>
            {
                try
                {
                    done.SetResult(call((PSCmdlet)c));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    done.SetException(ex);
                }
            });
            return done.Task;
        }

        /// <summary>Runs <paramref name="work"/> in the background and writes what it queues until it ends; rethrows its failure.</summary>
        internal T Pump<T>(Cmdlet cmdlet, Func<Task<T>> work)
        {
            var task = Task.Run(work);
            task.ContinueWith(_ => _pending.Add(_ => { }), TaskScheduler.Default); // wake the loop when the work ends
            PipelineStoppedException? stopped = null;
            while (!task.IsCompleted || _pending.Count > 0)
            {
                if (_pending.TryTake(out var write, TimeSpan.FromMilliseconds(200)))
                {
                    try
                    {
                        write(cmdlet);
                    }
                    catch (PipelineStoppedException exception)
                    {
                        // Ctrl+C: writes fail from now on, but the work must still end (e.g. put locks back) before we return.
                        stopped ??= exception;
                    }
                }
            }

            if (stopped != null)
            {
                throw stopped;
            }

            return task.GetAwaiter().GetResult();
        }
    }
}
