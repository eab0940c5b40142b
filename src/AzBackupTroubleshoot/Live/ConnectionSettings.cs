using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Live
{
    /// <summary>What the connection parameters and the session's Az context say about how to reach Azure (BCL types only).</summary>
    public sealed record ConnectionSettings
    {
        public bool UseManagedIdentity { get; init; }
        public string? ManagedIdentityClientId { get; init; }
        public string? TenantId { get; init; }
        public IReadOnlyList<string> SubscriptionIds { get; init; } = [];
        public string? EnvironmentName { get; init; }
        public Uri? ArmEndpoint { get; init; }

        /// <summary>The token audience of <see cref="ArmEndpoint"/> as the user names it; null to accept its metadata's management audience.</summary>
        public string? ArmAudience { get; init; }

        /// <summary>Where the connection says what it waits for (-Verbose).</summary>
        public Action<string>? Verbose { get; init; }

        /// <summary>Where the connection warns (an endpoint that is not a known cloud).</summary>
        public Action<string>? Warning { get; init; }

        /// <summary>Tokens borrowed from the session's Az context; null to use the credential chain.</summary>
        public Func<string[], CancellationToken, Task<(string Token, DateTimeOffset ExpiresOn)>>? TokenSource { get; init; }

        /// <summary>Where the sign-in came from, for verbose output: "Az context", "managed identity" or "credential chain".</summary>
        public required string Source { get; init; }
    }
}
