namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>What POST …/locations/{region}/backupPreValidateProtection answered for the VM and the vault.</summary>
    /// <param name="Status">Succeeded or Failed.</param>
    /// <param name="ErrorCode">The service's code for a failed validation (e.g. VirtualMachineAlreadyProtected).</param>
    /// <param name="ErrorMessage">The service's message for it.</param>
    /// <param name="Recommendation">What the service recommends.</param>
    /// <param name="Region">The region whose backup service was asked.</param>
    public sealed record ProtectionPreValidationEvidence(string? Status, string? ErrorCode, string? ErrorMessage, string? Recommendation, string Region);
}
