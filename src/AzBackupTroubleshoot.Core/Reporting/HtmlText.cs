using System.Globalization;
using System.Text;

namespace AzBackupTroubleshoot.Reporting
{
    /// <summary>Text made safe for HTML element content and quoted attribute values.</summary>
    internal static class HtmlText
    {
        /// <summary>
        /// Escapes &amp; &lt; &gt; " and ', and drops control characters (a service message may carry them), so that
        /// names such as <c>vm-&lt;script&gt;&amp;</c> read as written and never as markup.
        /// </summary>
        public static string Encode(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            var encoded = new StringBuilder(text!.Length + 16);
            foreach (var ch in text)
            {
                switch (ch)
                {
                    case '&': encoded.Append("&amp;"); break;
                    case '<': encoded.Append("&lt;"); break;
                    case '>': encoded.Append("&gt;"); break;
                    case '"': encoded.Append("&quot;"); break;
                    case '\'': encoded.Append("&#39;"); break;
                    case '\n' or '\t': encoded.Append(ch); break;
                    case '\r': break;
                    default:
                        if (!char.IsControl(ch))
                        {
                            encoded.Append(ch);
                        }

                        break;
                }
            }

            return encoded.ToString();
        }

        public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A number for SVG geometry: invariant, two decimals at most.</summary>
        public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
