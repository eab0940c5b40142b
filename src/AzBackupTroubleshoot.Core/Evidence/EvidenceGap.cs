namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>A part of the evidence that could not be read.</summary>
    public sealed record EvidenceGap(EvidencePart Part, string Reason, int? HttpStatus = null);
}
