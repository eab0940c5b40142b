using System.Linq;

namespace AzBackupTroubleshoot.Module.Tests
{
    internal static class Text
    {
        /// <summary>Contains CJK ideographs: the text is Chinese, not an English fallback.</summary>
        public static bool HasHan(string text) => text.Any(c => c >= '\u4E00' && c <= '\u9FFF');
    }
}
