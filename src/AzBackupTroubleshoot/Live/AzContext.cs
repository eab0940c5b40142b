using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace AzBackupTroubleshoot.Live
{
    /// <summary>
    /// The session's Connect-AzAccount sign-in, when Az.Accounts is loaded: tenant, subscription and cloud from
    /// Get-AzContext, and tokens from Get-AzAccessToken — no second sign-in. The Azure SDK asks for tokens on
    /// background threads, where PowerShell commands cannot run, so each request is posted to the pipeline thread.
    /// </summary>
    public sealed class AzContext
    {
        private AzContext(string? tenantId, string? subscriptionId, string? environmentName)
        {
            TenantId = tenantId;
            SubscriptionId = subscriptionId;
            EnvironmentName = environmentName;
        }

        public string? TenantId { get; }
        public string? SubscriptionId { get; }

        /// <summary>AzureCloud, AzureChinaCloud, AzureUSGovernment or a custom environment's name.</summary>
        public string? EnvironmentName { get; }

        /// <summary>The session's Az context, or null when Az.Accounts is not loaded or nobody is signed in.</summary>
        public static AzContext? TryRead(PSCmdlet cmdlet)
        {
            if (cmdlet.InvokeCommand.GetCommand("Get-AzContext", CommandTypes.All) == null)
            {
                return null;
            }

            var context = cmdlet.InvokeCommand.InvokeScript("Get-AzContext").FirstOrDefault(o => o != null);
            return context == null || Property(context, "Account") == null
                ? null
                : new AzContext(
                    Text(Property(Property(context, "Tenant"), "Id")),
                    Text(Property(Property(context, "Subscription"), "Id")),
                    Text(Property(Property(context, "Environment"), "Name")));
        }

        /// <summary>A token source for the engine: asks Get-AzAccessToken, on the pipeline thread, for the scope's audience.</summary>
        public Func<string[], CancellationToken, Task<(string Token, DateTimeOffset ExpiresOn)>> TokenSource(PipelineQueue queue) =>
            async (scopes, cancellationToken) =>
            {
                var scope = scopes.FirstOrDefault() ?? string.Empty;
                var resource = scope.EndsWith("/.default", StringComparison.OrdinalIgnoreCase) ? scope.Substring(0, scope.Length - "/.default".Length) : scope;
                var call = queue.Invoke(cmdlet => cmdlet.InvokeCommand.InvokeScript(
                    "param($resource) Get-AzAccessToken -ResourceUrl $resource -ErrorAction Stop", true, PipelineResultTypes.None, null, resource).FirstOrDefault());
                var result = await call.ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                var token = result == null ? null : TokenText(Property(result, "Token"));
                return token == null
                    ? throw new InvalidOperationException($"Get-AzAccessToken returned no token for '{resource}'.")
                    : (token, ExpiresOn(Property(result, "ExpiresOn")));
            };

        private static object? Property(object? o, string name) => o == null ? null : PSObject.AsPSObject(o).Properties[name]?.Value;

        private static string? Text(object? o) => o == null ? null : Convert.ToString(PSObject.AsPSObject(o).BaseObject, CultureInfo.InvariantCulture);

        // Az.Accounts 14 and later return the token as a SecureString; older versions as plain text.
        private static string? TokenText(object? token)
        {
            var value = token is PSObject ps ? ps.BaseObject : token;
            if (value is not SecureString secure)
            {
                return value as string;
            }

            var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            try
            {
                return Marshal.PtrToStringUni(pointer);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        private static DateTimeOffset ExpiresOn(object? value) => (value is PSObject ps ? ps.BaseObject : value) switch
        {
            DateTimeOffset offset => offset,
            DateTime time => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero),
            _ => DateTimeOffset.UtcNow.AddMinutes(5),
        };
    }
}
