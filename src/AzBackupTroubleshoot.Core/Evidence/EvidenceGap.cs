namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>
    /// A part of the evidence that could not be read, or that a bulk scan chose not to read (<paramref name="Skipped"/>:
    /// nothing failed, the reason says why the read was not worth its cost).
    /// </summary>
    public sealed record EvidenceGap(EvidencePart Part, string Reason, int? HttpStatus = null, bool Skipped = false);
}
