using System;

namespace AzBackupTroubleshoot.Engine.Rest
{
    /// <summary>One answer of a long-running operation's URL: the HTTP status, the body if any, and the wait the service asks for.</summary>
    internal sealed record OperationPoll<T>(int Status, T? Body, TimeSpan? RetryAfter)
        where T : class;
}
