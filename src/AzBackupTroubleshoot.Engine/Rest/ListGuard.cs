using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Azure;

namespace AzBackupTroubleshoot.Engine.Rest
{
    /// <summary>
    /// Stops a list whose nextLink never ends: a link that repeats one already followed (a page linking to itself, or a
    /// cycle), more pages or items than any real list of ours has. Every list goes through one: our REST lists in
    /// <see cref="ArmRestClient.GetAllPagesAsync{T}"/>, the SDK's through <see cref="PagesOf{T}"/> and <see cref="ItemsOf{T}"/>.
    /// </summary>
    internal sealed class ListGuard(string path)
    {
        /// <summary>
        /// Far above any list read here: a subscription holds at most 25,000 VMs per region, and a vault's week of jobs
        /// or protected items a few thousand; ten times the largest, so only a broken server reaches it.
        /// </summary>
        internal const int MaxItems = 250_000;

        /// <summary>ARM pages hold 50 to 1,000 items; 10,000 pages cover <see cref="MaxItems"/> even at 25 a page.</summary>
        internal const int MaxPages = 10_000;

        private readonly HashSet<string> _links = new(StringComparer.Ordinal);
        private int _pages;
        private long _items;

        /// <summary>The SDK's pages of a list, guarded; <paramref name="path"/> names the list in the error.</summary>
        public static async IAsyncEnumerable<Page<T>> PagesOf<T>(AsyncPageable<T> pageable, string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            where T : notnull
        {
            var guard = new ListGuard(path);
            await foreach (var page in pageable.AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                guard.Read(page.Values.Count, page.ContinuationToken);
                yield return page;
            }
        }

        /// <summary>The SDK's items of a list, guarded.</summary>
        public static async IAsyncEnumerable<T> ItemsOf<T>(AsyncPageable<T> pageable, string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            where T : notnull
        {
            await foreach (var page in PagesOf(pageable, path, cancellationToken).ConfigureAwait(false))
            {
                foreach (var item in page.Values)
                {
                    yield return item;
                }
            }
        }

        /// <summary>Counts a page just read; throws when its next link repeats or the list grows past the caps.</summary>
        public void Read(int items, string? nextLink)
        {
            _pages++;
            _items += items;
            if (_items > MaxItems || (_pages >= MaxPages && !string.IsNullOrEmpty(nextLink)))
            {
                throw Stopped("ListTooLong", string.Format(
                    CultureInfo.InvariantCulture,
                    "The list went on past {0:N0} pages or {1:N0} items (read {2:N0} items in {3:N0} pages), far more than Azure lists hold; stopped reading it.",
                    MaxPages,
                    MaxItems,
                    _items,
                    _pages));
            }

            if (!string.IsNullOrEmpty(nextLink) && !_links.Add(nextLink!))
            {
                throw Stopped("NextLinkRepeated", string.Format(
                    CultureInfo.InvariantCulture,
                    "Page {0:N0} of the list links back to a page already read ({1}); stopped reading it instead of going round forever.",
                    _pages,
                    PathOf(nextLink!)));
            }
        }

        private static string PathOf(string link) =>
            Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri.PathAndQuery : link;

        private ArmRequestException Stopped(string code, string message) => new(0, code, message, "GET", path, null);
    }
}
