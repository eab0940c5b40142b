using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Connection;
using AzBackupTroubleshoot.Engine.Connection;
using AzBackupTroubleshoot.Live;

namespace AzBackupTroubleshoot.Commands
{
    /// <summary>
    /// A cmdlet that talks to Azure. Sign-in, in this order: the session's Connect-AzAccount context (when
    /// Az.Accounts is loaded and -Identity is not given), the managed identity with -Identity (runbooks), otherwise
    /// the DefaultAzureCredential chain (environment, workload identity, managed identity, Azure CLI, Azure
    /// PowerShell) — never an interactive prompt. Background work writes through <see cref="Output"/>; only the
    /// pipeline thread calls Write*. Ctrl+C cancels the work through <see cref="Cancellation"/>.
    /// </summary>
    public abstract class AzureCmdlet : LocalizedCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        /// <summary>
        /// <para type="description">Sign in with the managed identity of the machine or Automation account (runbooks) instead of the Az context.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Identity { get; set; }

        /// <summary>
        /// <para type="description">With -Identity: the client id of a user-assigned managed identity.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccountId { get; set; }

        /// <summary>
        /// <para type="description">The Microsoft Entra tenant to sign in to. Default: the Az context's tenant.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        /// <summary>
        /// <para type="description">The subscriptions to work in. Default: the Az context's subscription, or the one a resource id names.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? SubscriptionId { get; set; }

        /// <summary>
        /// <para type="description">The Azure cloud: AzureCloud, AzureChinaCloud or AzureUSGovernment. Default: the Az context's cloud, else AzureCloud.</para>
        /// </summary>
        [Parameter]
        [ValidateSet("AzureCloud", "AzureChinaCloud", "AzureUSGovernment")]
        public string? Environment { get; set; }

        /// <summary>
        /// <para type="description">Another Azure Resource Manager endpoint (for example Azure Stack Hub), https only; the token audience is read from its /metadata/endpoints.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? ArmEndpoint { get; set; }

        /// <summary>
        /// <para type="description">With -ArmEndpoint: the token audience of that Resource Manager, when its /metadata/endpoints names one that is neither a known cloud's management audience nor on the endpoint's own host (Azure Stack Hub).</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ArmAudience { get; set; }

        /// <summary>Where background work queues what it writes.</summary>
        protected PipelineQueue Output { get; } = new();

        /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing).</summary>
        protected CancellationToken Cancellation => _stop.Token;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ArmEndpoint != null && !string.Equals(ArmEndpoint.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
            {
                ThrowTerminatingError(ErrorIds.ArmEndpointNotHttps.Record(
                    new ArgumentException($"-ArmEndpoint must be an https address; '{ArmEndpoint}' is not."), ArmEndpoint));
            }

            if (ArmAudience != null && ArmEndpoint == null)
            {
                ThrowTerminatingError(ErrorIds.ArmAudienceWithoutEndpoint.Record(
                    new ArgumentException("-ArmAudience goes with -ArmEndpoint: the known clouds' audiences are built in."), ArmAudience));
            }
        }

        protected override void StopProcessing() => _stop.Cancel();

        /// <summary>Stops the background work as Ctrl+C would, from any thread (a termination signal).</summary>
        protected void CancelWork() => _stop.Cancel();

        public void Dispose()
        {
            _stop.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>How to reach Azure, from the parameters and the session's Az context. Runs commands: call on the pipeline thread.</summary>
        protected ConnectionOptions ReadConnectionOptions(params string[] subscriptionsFromTargets)
        {
            var context = Identity.IsPresent ? null : AzContext.TryRead(this);
            var subscriptions = (SubscriptionId ?? [])
                .Concat(subscriptionsFromTargets)
                .Concat(context?.SubscriptionId == null ? [] : [context.SubscriptionId])
                .Where(s => !string.IsNullOrEmpty(s))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var options = new ConnectionOptions
            {
                UseManagedIdentity = Identity.IsPresent,
                ManagedIdentityClientId = AccountId,
                TenantId = TenantId ?? context?.TenantId,
                SubscriptionIds = subscriptions,
                EnvironmentName = Environment ?? KnownCloud(context?.EnvironmentName),
                ArmEndpoint = ArmEndpoint,
                ArmAudience = ArmAudience,
                Verbose = Output.WriteVerbose,
                Warning = Output.WriteWarning,
                ExternalTokenSource = context?.TokenSource(Output),
            };
            var source = context != null ? "Az context" : Identity.IsPresent ? "managed identity" : "credential chain";
            WriteVerbose($"Signing in with the {source}; subscriptions: {(subscriptions.Count == 0 ? "(none given)" : string.Join(", ", subscriptions))}.");
            return options;
        }

        /// <summary>Runs background work, writing what it queues as it goes; returns its result or rethrows its failure.</summary>
        protected T Run<T>(Func<Task<T>> work) => Output.Pump(this, work);

        // A custom Az environment (e.g. Azure Stack) is reached through -ArmEndpoint; only the named clouds map directly.
        private static string? KnownCloud(string? name) =>
            name is "AzureCloud" or "AzureChinaCloud" or "AzureUSGovernment" ? name : null;
    }
}
