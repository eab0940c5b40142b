using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>
    /// An item a bulk scan could not read (a subscription, resource group, VM or vault), or a subscription-wide part
    /// it could not read for any VM; the scan went on without it. A VM named here has no evidence in the scan; a vault
    /// or part named here shows as gaps in the evidence of the VMs it concerns.
    /// </summary>
    public sealed record BulkScanProblem(string ResourceId, EvidencePart? Part, int? HttpStatus, string? ErrorCode, string? RefusedAction, string Message)
    {
        internal static BulkScanProblem Of(string resourceId, EvidencePart? part, ArmRequestException error) =>
            new(resourceId, part, error.Status == 0 ? null : error.Status, error.ErrorCode, error.RefusedAction, error.Message);
    }
}
