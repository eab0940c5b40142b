using System.Collections.Generic;

namespace AzBackupTroubleshoot.Engine.Rest
{
    /// <summary>One page of an ARM list: value[] and the link to the next page.</summary>
    internal sealed class ArmPage<T>
    {
        public List<T>? Value { get; set; }

        public string? NextLink { get; set; }
    }
}
