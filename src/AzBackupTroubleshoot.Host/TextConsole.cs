using System.IO;

namespace AzBackupTroubleshoot.Host
{
    /// <summary>Where the host writes: output to one writer, errors and other messages to another, laid out for a width.</summary>
    internal sealed class TextConsole
    {
        private readonly TextWriter _output;
        private readonly TextWriter _messages;

        public TextConsole(TextWriter output, TextWriter messages, int width, bool isTerminal)
        {
            _output = output;
            _messages = messages;
            Width = width;
            IsTerminal = isTerminal;
        }

        public int Width { get; }

        /// <summary>Output goes to a terminal that understands colour sequences.</summary>
        public bool IsTerminal { get; }

        public void Write(string text) => _output.Write(text);

        public void WriteLine(string text) => _output.WriteLine(text);

        public void WriteError(string text) => _messages.WriteLine(text);

        public void WriteMessage(string prefix, string text) => _messages.WriteLine(prefix + text);
    }
}
