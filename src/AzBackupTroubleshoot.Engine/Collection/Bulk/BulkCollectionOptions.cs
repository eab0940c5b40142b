using System;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>How a bulk scan reads. The request rate itself is paced by the session's read budget.</summary>
    public sealed class BulkCollectionOptions
    {
        /// <summary>VMs being read at once (their requests still share the session's in-flight bound).</summary>
        public int MaxConcurrentVms { get; set; } = BoundedFanOut.MaxConcurrentListedVms;

        public PerVmReads PerVmReads { get; set; } = PerVmReads.OnlyWhereNeeded;

        /// <summary>"Now" for job windows and <c>CollectedAt</c>; the wall clock when null.</summary>
        public Func<DateTimeOffset>? Clock { get; set; }
    }
}
