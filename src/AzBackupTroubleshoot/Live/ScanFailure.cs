namespace AzBackupTroubleshoot.Live
{
    /// <summary>A VM, resource group or vault that could not be read, in BCL terms the cmdlets can turn into an ErrorRecord.</summary>
    public sealed record ScanFailure(string TargetId, string Message, int? HttpStatus, string? ErrorCode, string? RefusedAction);
}
