using System;
using System.Collections.Generic;
using System.Linq;

namespace AzBackupTroubleshoot.Rules
{
    /// <summary>The results of one VM with their summary; how reports walk a mixed stream of results.</summary>
    internal sealed class VmResultGroup
    {
        private VmResultGroup(IReadOnlyList<ReadinessResult> results)
        {
            Results = results;
            Summary = VmReadinessSummary.Of(results);
        }

        public VmReadinessSummary Summary { get; }

        public IReadOnlyList<ReadinessResult> Results { get; }

        /// <summary>Groups by VM id (case-insensitive, as ARM ids are), keeping the order in which VMs first appear.</summary>
        public static IReadOnlyList<VmResultGroup> ByVm(IEnumerable<ReadinessResult> results) =>
            results
                .GroupBy(r => r.VmId, StringComparer.OrdinalIgnoreCase)
                .Select(g => new VmResultGroup(g.ToList()))
                .ToList();
    }
}
