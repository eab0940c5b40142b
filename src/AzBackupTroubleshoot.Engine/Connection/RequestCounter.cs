using System.Collections.Generic;
using System.Threading;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>Every request a session sent, in the order they ended; for tests and benchmarks that count round trips.</summary>
    public sealed class RequestCounter
    {
        private readonly object _gate = new();
        private readonly List<RequestRecord> _records = [];
        private long _sequence;

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _records.Count;
                }
            }
        }

        public IReadOnlyList<RequestRecord> Snapshot()
        {
            lock (_gate)
            {
                return _records.ToArray();
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _records.Clear();
            }
        }

        internal long NextEvent() => Interlocked.Increment(ref _sequence);

        internal void Add(RequestRecord record)
        {
            lock (_gate)
            {
                _records.Add(record);
            }
        }
    }
}
