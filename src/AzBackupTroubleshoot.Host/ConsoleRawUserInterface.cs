using System;
using System.Management.Automation.Host;

namespace AzBackupTroubleshoot.Host
{
    /// <summary>A fixed-width screen with no cursor and no keyboard: all the formatter asks of it is the width.</summary>
    internal sealed class ConsoleRawUserInterface : PSHostRawUserInterface
    {
        private const int Height = 50;

        public ConsoleRawUserInterface(int width)
        {
            BufferSize = new Size(width, int.MaxValue / 2);
            WindowSize = new Size(width, Height);
        }

        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

        public override Size BufferSize { get; set; }

        public override Coordinates CursorPosition { get; set; }

        public override int CursorSize { get; set; }

        public override bool KeyAvailable => false;

        public override Size MaxPhysicalWindowSize => WindowSize;

        public override Size MaxWindowSize => WindowSize;

        public override Coordinates WindowPosition { get; set; }

        public override Size WindowSize { get; set; }

        public override string WindowTitle { get; set; } = "azbt-host";

        public override void FlushInputBuffer()
        {
        }

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException("azbt-host keeps no screen buffer.");

        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("azbt-host reads no keys.");

        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException("azbt-host keeps no screen buffer.");

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException("azbt-host keeps no screen buffer.");

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException("azbt-host keeps no screen buffer.");
    }
}
