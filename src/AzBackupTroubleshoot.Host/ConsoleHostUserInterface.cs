using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace AzBackupTroubleshoot.Host
{
    /// <summary>Writes what PowerShell shows; refuses to ask anything, since azbt-host runs unattended.</summary>
    internal sealed class ConsoleHostUserInterface : PSHostUserInterface
    {
        private readonly TextConsole _console;

        public ConsoleHostUserInterface(TextConsole console)
        {
            _console = console;
            RawUI = new ConsoleRawUserInterface(console.Width);
        }

        public override PSHostRawUserInterface RawUI { get; }

        /// <summary>Colour only on a terminal: output captured to a file or a pipe stays plain text.</summary>
        public override bool SupportsVirtualTerminal => _console.IsTerminal;

        public override void Write(string value) => _console.Write(Rendered(value));

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => _console.Write(Rendered(value));

        public override void WriteLine(string value) => _console.WriteLine(Rendered(value));

        public override void WriteErrorLine(string value) => _console.WriteError(Rendered(value));

        public override void WriteWarningLine(string message) => _console.WriteMessage("WARNING: ", Rendered(message));

        public override void WriteVerboseLine(string message) => _console.WriteMessage("VERBOSE: ", Rendered(message));

        public override void WriteDebugLine(string message) => _console.WriteMessage("DEBUG: ", Rendered(message));

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
            // Progress bars mean nothing in a log.
        }

        public override string ReadLine() => throw NoInput();

        public override SecureString ReadLineAsSecureString() => throw NoInput();

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw NoInput();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NoInput();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NoInput();

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw NoInput();

        // The formatter decorates labels with colour sequences and leaves it to the host to keep or drop them ($PSStyle.OutputRendering).
        private string Rendered(string text) => GetOutputString(text, SupportsVirtualTerminal);

        private static PSInvalidOperationException NoInput() =>
            new("azbt-host cannot ask for input: give every mandatory parameter on the command line, and -Confirm:$false for confirmations.");
    }
}
