using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Reporting
{
    /// <summary>
    /// The frame and the charts both HTML reports share. Everything is inline (CSS in a style element, charts as SVG)
    /// and nothing is fetched, so the file works offline and as an e-mail attachment; there is no script at all.
    /// </summary>
    internal static class HtmlPage
    {
        // Colours pass WCAG AA against the pale cell backgrounds; every coloured thing also carries a symbol or text.
        private const string Style =
            "body{font-family:system-ui,-apple-system,'Segoe UI','Microsoft YaHei','PingFang SC',sans-serif;margin:1.5rem;color:#1b1b1b;line-height:1.4}" +
            "h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem;margin-bottom:.3rem}" +
            "table{border-collapse:collapse;margin:.5rem 0}caption{text-align:left;font-weight:600;padding:.3rem 0}" +
            "th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}thead th{background:#f3f3f3;position:sticky;top:0}" +
            "th.r{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500;font-size:.8rem}" +
            "th[scope=rowgroup]{background:#e8eef6}td.c{text-align:center;font-weight:700;min-width:1.2rem}" +
            ".p{background:#e3f4e4;color:#1e5e22}.w{background:#fff3d6;color:#7a4b00}.f{background:#fde2e1;color:#9b1c17}" +
            ".u{background:#e9e3f6;color:#4b2a86}.n{background:#f4f4f4;color:#555}" +
            "svg .p{fill:#2e7d32}svg .w{fill:#d08700}svg .f{fill:#c62828}svg .u{fill:#6a4bb0}svg .n{fill:#9e9e9e}svg .bar{fill:#1f5fa8}svg text{font-size:11px;fill:#333}" +
            "code{background:#f3f3f3;padding:0 .2rem;word-break:break-all}.note{color:#555}ul{margin:.2rem 0 .6rem}";

        public static void Start(TextWriter writer, SupportedCulture culture, string title)
        {
            writer.Write("<!DOCTYPE html>\n<html lang=\"");
            writer.Write(culture.ToCultureName());
            writer.Write("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
            writer.Write(HtmlText.Encode(title));
            writer.Write("</title>\n<style>");
            writer.Write(Style);
            writer.Write("</style>\n</head>\n<body>\n<main>\n<h1>");
            writer.Write(HtmlText.Encode(title));
            writer.Write("</h1>\n");
        }

        public static void End(TextWriter writer) => writer.Write("</main>\n</body>\n</html>\n");

        public static void Heading(TextWriter writer, int level, string id, string text) =>
            writer.Write($"<h{level} id=\"{id}\">{HtmlText.Encode(text)}</h{level}>\n");

        /// <summary>One horizontal bar split into coloured segments, each with its label and count as a tooltip; the chart's title says it all in words.</summary>
        public static void StackedBar(TextWriter writer, string id, string title, IReadOnlyList<(string Label, int Count, string CssClass)> segments)
        {
            const double width = 600;
            var total = segments.Sum(s => s.Count);
            var words = string.Join(", ", segments.Select(s => $"{s.Label}: {HtmlText.Number(s.Count)}"));
            writer.Write($"<svg role=\"img\" aria-labelledby=\"{id}\" width=\"{HtmlText.Coordinate(width)}\" height=\"24\" viewBox=\"0 0 {HtmlText.Coordinate(width)} 24\">");
            writer.Write($"<title id=\"{id}\">{HtmlText.Encode(title + ": " + words)}</title>");
            var x = 0.0;
            foreach (var (label, count, cssClass) in segments.Where(s => s.Count > 0))
            {
                var w = width * count / total;
                writer.Write($"<rect class=\"{cssClass}\" x=\"{HtmlText.Coordinate(x)}\" y=\"0\" width=\"{HtmlText.Coordinate(w)}\" height=\"24\"><title>{HtmlText.Encode(label)}: {HtmlText.Number(count)}</title></rect>");
                x += w;
            }

            writer.Write("</svg>\n");
        }

        /// <summary>A bar per UTC day from the first to the last time, its height the number of times that day.</summary>
        public static void DayHistogram(TextWriter writer, string id, string title, IReadOnlyCollection<DateTimeOffset> times)
        {
            var days = times.Select(t => t.UtcDateTime.Date).ToList();
            var first = days.Min();
            var span = (int)(days.Max() - first).TotalDays + 1;
            var counts = new int[span];
            foreach (var day in days)
            {
                counts[(int)(day - first).TotalDays]++;
            }

            const double plotHeight = 120;
            var barWidth = Math.Max(2.0, Math.Min(40.0, 600.0 / span));
            var width = barWidth * span;
            var highest = counts.Max();
            writer.Write($"<svg role=\"img\" aria-labelledby=\"{id}\" width=\"{HtmlText.Coordinate(width + 2)}\" height=\"{HtmlText.Coordinate(plotHeight + 32)}\" viewBox=\"0 0 {HtmlText.Coordinate(width + 2)} {HtmlText.Coordinate(plotHeight + 32)}\">");
            var words = string.Join(", ", Enumerable.Range(0, span).Where(i => counts[i] > 0).Select(i => $"{Day(first.AddDays(i))}: {HtmlText.Number(counts[i])}"));
            writer.Write($"<title id=\"{id}\">{HtmlText.Encode(title + ": " + words)}</title>");
            for (var i = 0; i < span; i++)
            {
                if (counts[i] == 0)
                {
                    continue;
                }

                var h = plotHeight * counts[i] / highest;
                writer.Write($"<rect class=\"bar\" x=\"{HtmlText.Coordinate(1 + (i * barWidth))}\" y=\"{HtmlText.Coordinate(plotHeight - h + 14)}\" width=\"{HtmlText.Coordinate(Math.Max(1, barWidth - 1))}\" height=\"{HtmlText.Coordinate(h)}\"><title>{Day(first.AddDays(i))}: {HtmlText.Number(counts[i])}</title></rect>");
            }

            writer.Write($"<text x=\"1\" y=\"11\">{HtmlText.Number(highest)}</text>");
            writer.Write($"<text x=\"1\" y=\"{HtmlText.Coordinate(plotHeight + 28)}\">{Day(first)}</text>");
            if (span > 1)
            {
                writer.Write($"<text x=\"{HtmlText.Coordinate(width)}\" y=\"{HtmlText.Coordinate(plotHeight + 28)}\" text-anchor=\"end\">{Day(first.AddDays(span - 1))}</text>");
            }

            writer.Write("</svg>\n");
        }

        public static string Day(DateTime day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
    }
}
