using System.Threading;
using System.Threading.Tasks;
using AzBackupTroubleshoot.Engine.Connection;

namespace AzBackupTroubleshoot.Live
{
    /// <summary>Turns connection settings into an engine session. The only place the cmdlets name engine connection types.</summary>
    internal static class SessionFactory
    {
        public static Task<AzureSession> ConnectAsync(ConnectionSettings settings, CancellationToken cancellationToken)
        {
            var options = new ConnectionOptions
            {
                UseManagedIdentity = settings.UseManagedIdentity,
                ManagedIdentityClientId = settings.ManagedIdentityClientId,
                TenantId = settings.TenantId,
                SubscriptionIds = settings.SubscriptionIds,
                ArmEndpoint = settings.ArmEndpoint,
                ArmAudience = settings.ArmAudience,
                Verbose = settings.Verbose,
                Warning = settings.Warning,
                ExternalTokenSource = settings.TokenSource,
            };
            if (settings.EnvironmentName != null)
            {
                options.EnvironmentName = settings.EnvironmentName;
            }

            return AzureSession.ConnectAsync(options, cancellationToken);
        }
    }
}
