namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>
    /// Something that could not be read (a subscription, resource group, VM, vault, job, or one part of a VM's
    /// evidence); the work went on without it. Every collector, scan and diagnosis says "could not read" with this.
    /// </summary>
    /// <param name="TargetId">The resource that could not be read.</param>
    /// <param name="Part">The part of the evidence it concerns, when it concerns one.</param>
    /// <param name="HttpStatus">ARM's answer, when there was one.</param>
    /// <param name="ErrorCode">ARM's error code, when it gave one.</param>
    /// <param name="RefusedAction">For a refusal: the permission the caller lacks.</param>
    /// <param name="Message">What failed, with ARM's own code and message; never a token.</param>
    public sealed record ReadProblem(string TargetId, EvidencePart? Part, int? HttpStatus, string? ErrorCode, string? RefusedAction, string Message)
    {
        /// <summary>Why it could not be read, from ARM's answer.</summary>
        public ReadProblemKind Kind => HttpStatus switch
        {
            403 => ReadProblemKind.Refused,
            404 => ReadProblemKind.NotFound,
            429 => ReadProblemKind.Throttled,
            _ => ReadProblemKind.Unreadable,
        };
    }
}
