using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>
    /// A bounded hand-over from the scan's workers to the one reader (netstandard2.0 has no channels): a worker waits
    /// while the reader is <c>capacity</c> results behind, so a slow pipeline slows the scan instead of filling memory.
    /// </summary>
    internal sealed class ResultQueue<T>(int capacity) : IDisposable
    {
        private readonly ConcurrentQueue<T> _items = new();
        private readonly SemaphoreSlim _available = new(0);
        private readonly SemaphoreSlim _space = new(Math.Max(1, capacity));
        private volatile bool _completed;
        private Exception? _failure;

        public async Task AddAsync(T item, CancellationToken cancellationToken)
        {
            await _space.WaitAsync(cancellationToken).ConfigureAwait(false);
            _items.Enqueue(item);
            _available.Release();
        }

        /// <summary>No more items; <paramref name="failure"/>, if any, is thrown to the reader after the last item.</summary>
        public void Complete(Exception? failure = null)
        {
            _failure = failure;
            _completed = true;
            _available.Release();
        }

        public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            while (true)
            {
                await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (_items.TryDequeue(out var item))
                {
                    _space.Release();
                    yield return item;
                    continue;
                }

                if (_completed)
                {
                    if (_failure != null)
                    {
                        throw new InvalidOperationException("The bulk scan failed: " + _failure.Message, _failure);
                    }

                    yield break;
                }
            }
        }

        public void Dispose()
        {
            _available.Dispose();
            _space.Dispose();
        }
    }
}
