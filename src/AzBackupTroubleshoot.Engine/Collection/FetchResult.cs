using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>What one fetch of a part returned: the value, or the gap that explains why there is none.</summary>
    internal sealed record FetchResult<T>(T? Value, EvidenceGap? Gap)
    {
        public static FetchResult<T> Of(T value) => new(value, null);

        public static FetchResult<T> Missing(EvidenceGap gap) => new(default, gap);
    }
}
