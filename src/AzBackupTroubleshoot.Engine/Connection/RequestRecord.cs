namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>
    /// One request sent (each retry attempt counts). <see cref="StartedAt"/> and <see cref="EndedAt"/> are positions in
    /// the session's single sequence of start and end events, so a reader can tell which requests overlapped and
    /// which waited for others, without looking at clocks.
    /// </summary>
    public sealed record RequestRecord(string Method, string Path, string Query, int? Status, long StartedAt, long EndedAt);
}
