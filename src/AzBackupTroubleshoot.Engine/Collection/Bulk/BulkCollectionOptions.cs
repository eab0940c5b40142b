using System;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>How a bulk scan reads. The request rate itself is paced by the session's read budget.</summary>
    public sealed class BulkCollectionOptions
    {
        /// <summary>VMs being read at once (their requests still share the session's in-flight bound).</summary>
        public int MaxConcurrentVms { get; set; } = BoundedFanOut.MaxConcurrentListedVms;

        public PerVmReads PerVmReads { get; set; } = PerVmReads.OnlyWhereNeeded;

        /// <summary>
        /// Count a collection's restore points only where the count could explain a failure (see
        /// <see cref="RestorePointCounting"/>), and leave the others uncounted, so that RestorePoint.Limit is Unknown
        /// for them. For a diagnosis, whose failures are already explained by their own error codes. Off by default:
        /// readiness counts every collection, since a collection at the limit fails the next backup without any
        /// failure before it. Ignored with <see cref="PerVmReads.All"/>, which counts every collection.
        /// </summary>
        public bool LeanRestorePointCount { get; set; }

        /// <summary>"Now" for job windows and <c>CollectedAt</c>; the wall clock when null.</summary>
        public Func<DateTimeOffset>? Clock { get; set; }
    }
}
