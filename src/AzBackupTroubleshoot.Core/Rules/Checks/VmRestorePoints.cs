using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>The restore point collections that belong to the VM.</summary>
    internal static class VmRestorePoints
    {
        /// <summary>Matched by the collection's source VM id, never by its name (names follow a pattern, not a contract).</summary>
        public static IReadOnlyList<RestorePointCollectionEvidence> Of(VmIdentity vm, IEnumerable<RestorePointCollectionEvidence> collections) =>
            collections.Where(c => string.Equals(c.SourceVmId, vm.ResourceId, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
