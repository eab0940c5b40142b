using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Rest
{
    /// <summary>The <see cref="ReadProblem"/> of a failed ARM request or of a gap in a VM's evidence.</summary>
    internal static class ReadProblems
    {
        public static ReadProblem Of(string targetId, EvidencePart? part, ArmRequestException error) =>
            new(targetId, part, error.Status == 0 ? null : error.Status, error.ErrorCode, error.RefusedAction, error.Message);

        public static ReadProblem Of(VmIdentity vm, EvidenceGap gap) =>
            new(vm.ResourceId, gap.Part, gap.HttpStatus, null, null, $"The {gap.Part} evidence of {vm.Name} could not be read: {gap.Reason}");
    }
}
