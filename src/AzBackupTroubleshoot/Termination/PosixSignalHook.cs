using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace AzBackupTroubleshoot.Termination
{
    /// <summary>
    /// SIGTERM and SIGHUP through .NET's PosixSignalRegistration (.NET 6 and later). This assembly targets
    /// netstandard2.0, so the type is bound by reflection; where the runtime lacks it (Windows PowerShell 5.1)
    /// nothing is registered.
    /// </summary>
    internal static class PosixSignalHook
    {
        private static readonly Type? RegistrationType = Type.GetType("System.Runtime.InteropServices.PosixSignalRegistration, System.Runtime.InteropServices", throwOnError: false);

        public static IDisposable Register(Action<TerminationSignal> onSignal)
        {
            var create = RegistrationType?.GetMethod("Create", BindingFlags.Public | BindingFlags.Static);
            var parameters = create?.GetParameters();
            if (create == null || parameters!.Length != 2)
            {
                return new Registrations([]);
            }

            var signalType = parameters[0].ParameterType;
            var handlerType = parameters[1].ParameterType;
            var registrations = new List<IDisposable>();
            foreach (var name in new[] { "SIGTERM", "SIGHUP" })
            {
                var signal = TerminationSignals.FromPosixSignal(name)!.Value;
                var handler = new Handler(() => onSignal(signal));
                var callback = Delegate.CreateDelegate(handlerType, handler, typeof(Handler).GetMethod(nameof(Handler.Invoke))!);
                registrations.Add((IDisposable)create.Invoke(null, [Enum.Parse(signalType, name), callback])!);
            }

            return new Registrations(registrations);
        }

        /// <summary>Takes the PosixSignalContext as object; leaving its Cancel unset lets the signal end the process once we return.</summary>
        private sealed class Handler(Action onSignal)
        {
            public void Invoke(object context) => onSignal();
        }

        private sealed class Registrations(IReadOnlyList<IDisposable> registrations) : IDisposable
        {
            public void Dispose()
            {
                foreach (var registration in registrations.Reverse())
                {
                    registration.Dispose();
                }
            }
        }
    }
}
