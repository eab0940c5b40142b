namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>A VM, resource group or vault whose evidence could not be read at all, and why.</summary>
    public sealed record EvidenceFailure(string TargetId, string Message, int? HttpStatus, string? ErrorCode, string? RefusedAction);
}
