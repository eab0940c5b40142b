using System;

namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>One instance-view status entry.</summary>
    public sealed record StatusEvidence(string? Code, string? Level, string? DisplayStatus, string? Message, DateTimeOffset? Time);
}
