using System;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>A minimum agent version and, in words, who requires it.</summary>
    internal sealed record AgentVersionThreshold(Version Minimum, string RequiredBy);
}
