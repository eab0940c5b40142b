using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>
    /// One signed-in connection to a cloud: one credential, one <see cref="ArmClient"/> for the SDK, and one
    /// <see cref="HttpPipeline"/> with the same options for REST calls without an SDK package. Both share the retry
    /// (honouring Retry-After up to a cap), the in-flight bound, the per-subscription read budget and the request counter.
    /// </summary>
    public sealed class AzureSession : IDisposable
    {
        private readonly RequestBudgetPolicy _budget;

        private AzureSession(
            CloudEndpoints cloud,
            TokenCredential credential,
            ArmClient arm,
            HttpPipeline pipeline,
            RequestCounter requests,
            RequestBudgetPolicy budget,
            IReadOnlyList<string> subscriptionIds,
            ArmRestClient? graph)
        {
            Cloud = cloud;
            Credential = credential;
            Arm = arm;
            Rest = new ArmRestClient(pipeline, cloud.ResourceManager);
            Requests = requests;
            SubscriptionIds = subscriptionIds;
            Graph = graph;
            _budget = budget;
        }

        /// <summary>Every request this session sent.</summary>
        public RequestCounter Requests { get; }

        public IReadOnlyList<string> SubscriptionIds { get; }

        public Uri ResourceManagerEndpoint => Cloud.ResourceManager;

        public string EnvironmentName => Cloud.Name;

        internal CloudEndpoints Cloud { get; }

        internal TokenCredential Credential { get; }

        internal ArmClient Arm { get; }

        internal ArmRestClient Rest { get; }

        /// <summary>Microsoft Graph with its own token scope; null when the cloud has none.</summary>
        internal ArmRestClient? Graph { get; }

        /// <summary>Resolves the cloud (reading a custom endpoint's metadata) and builds the clients. Sends no authenticated request.</summary>
        public static Task<AzureSession> ConnectAsync(ConnectionOptions options, CancellationToken cancellationToken) =>
            ConnectAsync(options, retryWait: null, cancellationToken);

        /// <param name="retryWait">How the retry policy waits between attempts; tests record the waits instead of sleeping.</param>
        internal static async Task<AzureSession> ConnectAsync(ConnectionOptions options, Func<TimeSpan, CancellationToken, Task>? retryWait, CancellationToken cancellationToken)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var requests = new RequestCounter();
            var reads = options.ReadBurstPerSubscription > 0 ? new ReadBudget(options.ReadBurstPerSubscription, options.ReadsPerSecondPerSubscription) : null;
            var budget = new RequestBudgetPolicy(options.MaxConcurrentRequests, reads, options.Verbose);
            try
            {
                var clientOptions = CreateClientOptions(options, retryWait, requests, budget);
                var cloud = options.ArmEndpoint == null
                    ? CloudEndpoints.ForName(options.EnvironmentName ?? CloudEndpoints.AzureCloudName)
                    : ManagementAudience.Checked(
                        await ArmMetadataReader.ReadAsync(HttpPipelineBuilder.Build(clientOptions), options.ArmEndpoint, cancellationToken).ConfigureAwait(false),
                        options.ArmAudience,
                        options.Warning);
                clientOptions.Environment = cloud.ArmEnvironment;

                var credential = CredentialFactory.Create(options, cloud);
                var arm = new ArmClient(credential, options.SubscriptionIds.FirstOrDefault(), clientOptions);
                var pipeline = HttpPipelineBuilder.Build(clientOptions, new BearerTokenAuthenticationPolicy(credential, cloud.DefaultScope));
                var graphEndpoint = options.MicrosoftGraphEndpoint ?? cloud.MicrosoftGraph;
                var graph = graphEndpoint == null
                    ? null
                    : new ArmRestClient(
                        HttpPipelineBuilder.Build(clientOptions, new BearerTokenAuthenticationPolicy(credential, GraphScopeOf(cloud))),
                        graphEndpoint);
                return new AzureSession(cloud, credential, arm, pipeline, requests, budget, options.SubscriptionIds, graph);
            }
            catch
            {
                budget.Dispose();
                throw;
            }
        }

        public void Dispose() => _budget.Dispose();

        // The token audience is the cloud's Graph resource, also when requests go to another address (a test double).
        private static string GraphScopeOf(CloudEndpoints cloud) =>
            (cloud.MicrosoftGraph?.AbsoluteUri ?? "https://graph.microsoft.com/").TrimEnd('/') + "/.default";

        private static ArmClientOptions CreateClientOptions(ConnectionOptions options, Func<TimeSpan, CancellationToken, Task>? retryWait, RequestCounter requests, RequestBudgetPolicy budget)
        {
            var clientOptions = new ArmClientOptions();
            clientOptions.Diagnostics.ApplicationId = "AzBackupTroubleshoot";
            clientOptions.Diagnostics.IsLoggingContentEnabled = false;
            clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
            clientOptions.RetryPolicy = new ArmRetryPolicy(Math.Max(0, options.MaxRetries), options.RetryDelay, options.NetworkTimeout, options.Verbose, retryWait);
            clientOptions.AddPolicy(budget, HttpPipelinePosition.PerRetry);
            clientOptions.AddPolicy(new RequestCountingPolicy(requests), HttpPipelinePosition.BeforeTransport);
            return clientOptions;
        }
    }
}
