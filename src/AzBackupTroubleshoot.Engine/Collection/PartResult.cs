using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>What one fetch of a part returned: the value, or the gap that explains why there is none.</summary>
    internal sealed record PartResult<T>(T? Value, EvidenceGap? Gap)
    {
        public static PartResult<T> Of(T value) => new(value, null);

        public static PartResult<T> Missing(EvidenceGap gap) => new(default, gap);
    }
}
