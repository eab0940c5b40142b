using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace AzBackupTroubleshoot.Host
{
    /// <summary>The PowerShell host of azbt-host: non-interactive, writing to a <see cref="TextConsole"/>.</summary>
    internal sealed class ConsoleHost : PSHost
    {
        private readonly ConsoleHostUserInterface _ui;

        public ConsoleHost(TextConsole console)
        {
            _ui = new ConsoleHostUserInterface(console);
        }

        public override string Name => "azbt-host";

        public override Version Version => typeof(ConsoleHost).Assembly.GetName().Version ?? new Version(0, 0);

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override PSHostUserInterface UI => _ui;

        public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

        public override void SetShouldExit(int exitCode)
        {
            // 'exit' inside the command line ends the script; the exit code comes from the errors it wrote.
        }

        public override void EnterNestedPrompt() => throw new NotSupportedException("azbt-host has no nested prompt.");

        public override void ExitNestedPrompt() => throw new NotSupportedException("azbt-host has no nested prompt.");

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }
    }
}
