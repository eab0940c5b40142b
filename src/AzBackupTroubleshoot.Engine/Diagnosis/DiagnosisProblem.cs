using AzBackupTroubleshoot.Engine.Collection.Bulk;
using AzBackupTroubleshoot.Engine.Rest;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Diagnosis
{
    /// <summary>
    /// Something that could not be read while diagnosing (a vault's jobs, a job's details, a VM's evidence): the rest
    /// was still diagnosed, with the causes this would have judged left unknown.
    /// </summary>
    /// <param name="TargetId">The resource (vault, job, VM) that could not be read.</param>
    /// <param name="Message">What failed, with ARM's own code and message; never a token.</param>
    /// <param name="HttpStatus">ARM's answer, when there was one.</param>
    /// <param name="RefusedAction">For a 403: the permission the caller lacks.</param>
    public sealed record DiagnosisProblem(string TargetId, string Message, int? HttpStatus, string? RefusedAction)
    {
        internal static DiagnosisProblem Of(string targetId, ArmRequestException error) =>
            new(targetId, error.Message, error.Status == 0 ? null : error.Status, error.RefusedAction);

        internal static DiagnosisProblem Of(BulkScanProblem problem) =>
            new(problem.ResourceId, problem.Message, problem.HttpStatus, problem.RefusedAction);

        internal static DiagnosisProblem Of(VmIdentity vm, EvidenceGap gap) =>
            new(vm.ResourceId, $"The {gap.Part} evidence of {vm.Name} could not be read: {gap.Reason}", gap.HttpStatus, null);
    }
}
