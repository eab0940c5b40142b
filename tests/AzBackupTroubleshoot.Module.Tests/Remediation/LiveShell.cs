using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.Module.Tests.Remediation
{
    /// <summary>
    /// The built module in its own runspace, signed in through stand-ins for Get-AzContext and Get-AzAccessToken, in
    /// front of a fake ARM whose certificate is trusted. Scripts see the fake's address as $arm.
    /// </summary>
    public sealed class LiveShell : IAsyncDisposable
    {
        /// <summary>Stand-ins for Az.Accounts' sign-in commands; they read $tenant and $subscription.</summary>
        internal const string StandIns = """
            function Get-AzContext {
                [pscustomobject]@{
                    Account = [pscustomobject]@{ Id = 'tester@contoso.example' }
                    Tenant = [pscustomobject]@{ Id = $tenant }
                    Subscription = [pscustomobject]@{ Id = $subscription }
                    Environment = [pscustomobject]@{ Name = 'FakeArm' }
                }
            }
            function Get-AzAccessToken { param($ResourceUrl) [pscustomobject]@{ Token = 'fake-token'; ExpiresOn = [DateTimeOffset]::UtcNow.AddHours(1) } }
            """;

        private readonly Runspace _runspace;
        private readonly IDisposable _trust;

        private LiveShell(FakeArmServer server, IDisposable trust, Runspace runspace)
        {
            Server = server;
            _trust = trust;
            _runspace = runspace;
        }

        public FakeArmServer Server { get; }

        public ArmWorld World => Server.World;

        public static async Task<LiveShell> StartAsync(ArmWorld world, FakeArmOptions? options = null)
        {
            var server = await FakeArmServer.StartAsync(world, options);
            var trust = TestCertificateTrust.TrustForCurrentUser(server.Certificate);
            var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            runspace.SessionStateProxy.SetVariable("arm", server.Endpoint.ToString());
            runspace.SessionStateProxy.SetVariable("tenant", Scenarios.TenantId);
            runspace.SessionStateProxy.SetVariable("subscription", Scenarios.SubscriptionId);
            var shell = new LiveShell(server, trust, runspace);
            var setup = shell.Run($"Import-Module -Name '{RepoPaths.ModuleManifest}' -ErrorAction Stop\n{StandIns}");
            Assert.Empty(setup.Errors);
            return shell;
        }

        /// <summary>Runs a script to its end; every stream it wrote.</summary>
        public LiveResult Run(string script)
        {
            using var shell = Create(script);
            var output = shell.Invoke();
            return LiveResult.Of(shell, output);
        }

        /// <summary>A pipeline to start and stop by hand.</summary>
        public PowerShell Create(string script)
        {
            var shell = PowerShell.Create(_runspace);
            shell.AddScript(script);
            return shell;
        }

        public async ValueTask DisposeAsync()
        {
            _runspace.Dispose();
            _trust.Dispose();
            await Server.DisposeAsync();
        }
    }

    public sealed record LiveResult(IReadOnlyList<PSObject> Output, IReadOnlyList<ErrorRecord> Errors, IReadOnlyList<string> Verbose, IReadOnlyList<string> Warnings)
    {
        public static LiveResult Of(PowerShell shell, IEnumerable<PSObject> output) => new(
            output.ToList(),
            shell.Streams.Error.ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            shell.Streams.Warning.Select(w => w.Message).ToList());
    }
}
