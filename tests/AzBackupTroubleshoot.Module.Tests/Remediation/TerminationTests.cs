using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;
using AzBackupTroubleshoot.Module.Tests.HostProgram;

namespace AzBackupTroubleshoot.Module.Tests.Remediation
{
    /// <summary>
    /// SIGTERM and SIGHUP stop a cleanup like Ctrl+C: a real azbt-host process cleans up against the fake ARM, whose
    /// collection DELETE hangs; once the lock is off, the process gets the signal, puts the lock back and says so.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public sealed class TerminationTests
    {
        private const string Scenario = "B4-locked-restore-point-group";
        private const string LockId = "/subscriptions/" + Scenarios.SubscriptionId + "/resourceGroups/AzureBackupRG_eastus_1/providers/Microsoft.Authorization/locks/backup-rg-do-not-delete";
        private readonly ModuleSession _session;

        public TerminationTests(ModuleSession session)
        {
            _session = session;
        }

        [Theory]
        [InlineData("TERM", "SIGTERM")]
        [InlineData("HUP", "SIGHUP")]
        public async Task A_termination_signal_during_a_cleanup_puts_the_lock_back_and_reports_before_the_process_ends(string signal, string named)
        {
            var world = Scenarios.Load(Scenario);
            var locksBefore = world.LockSnapshot();
            await using var server = await FakeArmServer.StartAsync(world);
            var hang = server.Faults.Hang("DELETE", "/restorePointCollections/");
            var pem = Path.Combine(Path.GetTempPath(), $"azbt-fake-arm-{Guid.NewGuid():N}.pem");
            File.WriteAllText(pem, server.Certificate.ExportCertificatePem());
            try
            {
                var script = $"$arm = '{server.Endpoint}'; $tenant = '{Scenarios.TenantId}'; $subscription = '{Scenarios.SubscriptionId}'\n{LiveShell.StandIns}\n"
                    + "Clear-AzRestorePointCollection -ResourceGroupName rg-app -VMName vm-app24 -ArmEndpoint $arm -RemoveLock -Confirm:$false";
                var journal = Path.Combine(TestJournal.Directory, "termination-" + Guid.NewGuid().ToString("N"));
                var host = HostRun.Launch([script], new Dictionary<string, string> { ["SSL_CERT_FILE"] = pem, [TestJournal.Variable] = journal });

                await hang.WaitForHitAsync();
                Assert.Single(server.Requests.Where(r => r.Method == "DELETE" && string.Equals(r.Path, LockId, StringComparison.OrdinalIgnoreCase) && r.Status == 200));
                Assert.Empty(world.LockSnapshot());
                using (var kill = Process.Start("kill", ["-" + signal, host.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    kill.WaitForExit();
                }

                var run = host.WaitForExit(TimeSpan.FromMinutes(2));

                Assert.Equal(locksBefore, world.LockSnapshot());
                var put = server.Requests.Where(r => r.Method == "PUT").Single();
                Assert.Equal(LockId, put.Path, StringComparer.OrdinalIgnoreCase);
                Assert.Contains(named + ": stopping", run.StandardError, StringComparison.Ordinal);
                Assert.Contains("every lifted lock that could be was put back: " + LockId, run.StandardError, StringComparison.OrdinalIgnoreCase);
                Assert.NotEqual(0, run.ExitCode);
                Assert.Empty(Directory.Exists(journal) ? Directory.GetFiles(journal) : []);
            }
            finally
            {
                File.Delete(pem);
            }
        }

        [Theory]
        [InlineData(0, null)] // Ctrl+C: PowerShell's own
        [InlineData(1, null)] // Ctrl+Break
        [InlineData(2, "ConsoleClose")]
        [InlineData(5, "Logoff")]
        [InlineData(6, "Shutdown")]
        public void Windows_console_close_logoff_and_shutdown_stop_the_run_and_ctrl_c_is_left_to_PowerShell(int controlType, string? expected) =>
            Assert.Equal(expected, Signals().GetMethod("FromConsoleControl")!.Invoke(null, [controlType])?.ToString());

        [Theory]
        [InlineData("SIGTERM", "Terminate")]
        [InlineData("SIGHUP", "HangUp")]
        [InlineData("SIGINT", null)]
        [InlineData("SIGQUIT", null)]
        public void SIGTERM_and_SIGHUP_stop_the_run_and_SIGINT_is_left_to_PowerShell(string name, string? expected) =>
            Assert.Equal(expected, Signals().GetMethod("FromPosixSignal")!.Invoke(null, [name])?.ToString());

        [Fact]
        public async Task A_signal_stops_the_run_and_holds_the_process_until_the_run_has_finished()
        {
            var guardType = Type("AzBackupTroubleshoot.Termination.TerminationGuard");
            var signalType = Type("AzBackupTroubleshoot.Termination.TerminationSignal");
            var stops = new List<object>();
            var parameter = Expression.Parameter(signalType);
            var stop = Expression.Lambda(
                typeof(Action<>).MakeGenericType(signalType),
                Expression.Call(Expression.Constant(stops), typeof(List<object>).GetMethod("Add")!, Expression.Convert(parameter, typeof(object))),
                parameter).Compile();
            var guard = (IDisposable)Activator.CreateInstance(guardType, BindingFlags.NonPublic | BindingFlags.Instance, null, [stop, TimeSpan.FromHours(1)], null)!;
            var hold = guardType.GetMethod("Hold", BindingFlags.NonPublic | BindingFlags.Instance)!;
            var close = Enum.Parse(signalType, "ConsoleClose");

            var held = Task.Run(() => hold.Invoke(guard, [close]));
            await Eventually.ValueAsync(() => stops.Count > 0 ? stops : null, "the guard's stop action");

            Assert.Equal([close], stops);
            Assert.False(held.IsCompleted);
            guard.Dispose();
            await held;
        }

        private Type Signals() => Type("AzBackupTroubleshoot.Termination.TerminationSignals");

        private Type Type(string name) =>
            ((Assembly)_session.Run("(Get-Module AzBackupTroubleshoot).ImplementingAssembly").Output.Single().BaseObject).GetType(name, throwOnError: true)!;

    }
}
