using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>One thing a bulk scan streams: a VM's evidence as soon as it is assembled, or a problem.</summary>
    public sealed class BulkScanResult
    {
        private BulkScanResult(VmEvidence? evidence, ReadProblem? problem)
        {
            Evidence = evidence;
            Problem = problem;
        }

        public VmEvidence? Evidence { get; }

        public ReadProblem? Problem { get; }

        internal static BulkScanResult Of(VmEvidence evidence) => new(evidence, null);

        internal static BulkScanResult Of(ReadProblem problem) => new(null, problem);
    }
}
