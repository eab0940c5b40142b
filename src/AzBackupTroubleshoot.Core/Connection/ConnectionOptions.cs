using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Connection
{
    /// <summary>
    /// How to reach Azure: the cmdlets build it from their parameters and the Az context, the engine connects with it.
    /// It lives in Core, the one assembly both load contexts share, because engine types must not appear in the cmdlet
    /// assembly's fields and signatures; hence only BCL types.
    /// </summary>
    public sealed record ConnectionOptions
    {
        /// <summary>Authenticate as the managed identity of the host (runbooks, VMs).</summary>
        public bool UseManagedIdentity { get; set; }

        /// <summary>Client id of a user-assigned managed identity (the cmdlets' AccountId); null for system-assigned.</summary>
        public string? ManagedIdentityClientId { get; set; }

        public string? TenantId { get; set; }

        public IReadOnlyList<string> SubscriptionIds { get; set; } = [];

        /// <summary>AzureCloud, AzureChinaCloud or AzureUSGovernment; null for AzureCloud; ignored when <see cref="ArmEndpoint"/> is set.</summary>
        public string? EnvironmentName { get; set; }

        /// <summary>A custom Resource Manager endpoint (Azure Stack Hub style); its metadata names the token audience.</summary>
        public Uri? ArmEndpoint { get; set; }

        /// <summary>
        /// The token audience for <see cref="ArmEndpoint"/>, as the user names it. Without it, the audience the endpoint's
        /// metadata names is used only when it is a known cloud's management audience or on the endpoint's own host.
        /// </summary>
        public string? ArmAudience { get; set; }

        /// <summary>What the connection waits for (throttling, retries), for -Verbose.</summary>
        public Action<string>? Verbose { get; set; }

        /// <summary>What the user should know about the connection (an endpoint that is not a known cloud), for warnings.</summary>
        public Action<string>? Warning { get; set; }

        /// <summary>
        /// Borrowed tokens, e.g. from the session's Az context (Get-AzAccessToken). Takes precedence over every other
        /// credential when set.
        /// </summary>
        public Func<string[], CancellationToken, Task<(string Token, DateTimeOffset ExpiresOn)>>? ExternalTokenSource { get; set; }

        /// <summary>
        /// Microsoft Graph, used only to find the Backup Management Service's object id in the tenant; defaults to the
        /// cloud's own Graph (for a custom ARM endpoint: the one its metadata names).
        /// </summary>
        public Uri? MicrosoftGraphEndpoint { get; set; }

        /// <summary>Attempts after the first for throttled (429) and transient (5xx, network) failures.</summary>
        public int MaxRetries { get; set; } = 5;

        /// <summary>First back-off delay when the service sends no Retry-After; doubles per attempt.</summary>
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

        /// <summary>How long one attempt may wait for its answer (Azure.Core's default); one that gets none is not retried.</summary>
        public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Requests in flight at once across the whole session.</summary>
        public int MaxConcurrentRequests { get; set; } = 16;

        /// <summary>
        /// Reads a subscription may burst before the session paces them, as ARM's token bucket per subscription and
        /// principal does (250); 0 turns the client-side read budget off.
        /// </summary>
        public int ReadBurstPerSubscription { get; set; } = 250;

        /// <summary>Reads per second a subscription's budget regains (ARM: 25).</summary>
        public double ReadsPerSecondPerSubscription { get; set; } = 25;
    }
}
