using System;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>A minimum agent version and, in words, who requires it.</summary>
    internal sealed record AgentVersionThreshold(Version Minimum, LocalizedText RequiredBy);
}
