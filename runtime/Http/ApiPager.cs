// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>What a pager needs of one page: its items and what it says about the next one.</summary>
/// <typeparam name="TItem">The type of one item.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ApiPage<TItem>
{
    /// <summary>Describes a page.</summary>
    /// <param name="items">The page's items; null or empty ends the paging.</param>
    /// <param name="total">The total count of items the answer gives, or null.</param>
    /// <param name="more">False when the answer says no page follows (a <c>has_more</c> of false, an empty next link).</param>
    /// <param name="next">Where the next page is: a cursor or a link; null when the pager counts (page number, offset).</param>
    public ApiPage(IReadOnlyList<TItem>? items, long? total, bool more, string? next)
    {
        Items = items;
        Total = total;
        More = more;
        Next = next;
    }

    /// <summary>The page's items.</summary>
    public IReadOnlyList<TItem>? Items { get; }

    /// <summary>The total count of items, or null.</summary>
    public long? Total { get; }

    /// <summary>False when no page follows.</summary>
    public bool More { get; }

    /// <summary>The next cursor or link.</summary>
    public string? Next { get; }
}

/// <summary>
/// The loop behind the generated <c>...AllAsync</c> methods: every item of a list operation, page after page. The
/// next page is fetched when the items of the previous one are consumed; enumeration ends at an empty page, at the
/// total, where the answer says no more follow, or (by offset) at a page shorter than the limit. Cancellation is
/// checked between items and passed to each page's request. Errors of any page surface as the operation's usual
/// exceptions. The generated method supplies the fetch of one page and the reading of its facts.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiPager
{
    /// <summary>Pages by a number: one more per page (page numbers), or the items received so far (offsets).</summary>
    /// <typeparam name="TResponse">What the operation returns.</typeparam>
    /// <typeparam name="TItem">The type of one item.</typeparam>
    /// <param name="first">The first page number or offset.</param>
    /// <param name="byOffset">True to advance by the items received, false by one.</param>
    /// <param name="limit">The page size the caller asked for, or null: a shorter page is the last.</param>
    /// <param name="fetch">Fetches the page at a number or offset.</param>
    /// <param name="read">Reads a response's page.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public static IAsyncEnumerable<TItem> ByNumber<TResponse, TItem>(long first, bool byOffset, long? limit, Func<long, CancellationToken, Task<TResponse>> fetch, Func<TResponse, ApiPage<TItem>> read, CancellationToken cancellationToken = default)
    {
        Func<long, CancellationToken, Task<TResponse>> fetchAt = fetch ?? throw new ArgumentNullException(nameof(fetch));
        return Walk((position, _, token) => fetchAt(position, token), read ?? throw new ArgumentNullException(nameof(read)), first, byOffset ? Step.Offset : Step.Number, limit, cancellationToken);
    }

    /// <summary>
    /// Pages by what each page names as the next: a cursor, or a link (the first page is the operation's own request,
    /// later ones follow the link). Ends when the next is null or empty.
    /// </summary>
    /// <typeparam name="TResponse">What the operation returns.</typeparam>
    /// <typeparam name="TItem">The type of one item.</typeparam>
    /// <param name="fetch">Fetches a page: the first with null, then each next cursor or link.</param>
    /// <param name="read">Reads a response's page.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public static IAsyncEnumerable<TItem> ByNext<TResponse, TItem>(Func<string?, CancellationToken, Task<TResponse>> fetch, Func<TResponse, ApiPage<TItem>> read, CancellationToken cancellationToken = default)
    {
        Func<string?, CancellationToken, Task<TResponse>> fetchAfter = fetch ?? throw new ArgumentNullException(nameof(fetch));
        return Walk((_, next, token) => fetchAfter(next, token), read ?? throw new ArgumentNullException(nameof(read)), 0, Step.Next, null, cancellationToken);
    }

    /// <summary>The one loop: its position lives in the iterator, so each enumeration starts from the first page.</summary>
    private static async IAsyncEnumerable<TItem> Walk<TResponse, TItem>(Func<long, string?, CancellationToken, Task<TResponse>> fetch, Func<TResponse, ApiPage<TItem>> read, long first, Step step, long? limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long position = first;
        string? next = null;
        long seen = 0;
        while (true)
        {
            ApiPage<TItem> page = read(await fetch(position, next, cancellationToken).ConfigureAwait(false));
            if (page.Items is not { Count: > 0 } items)
            {
                yield break;
            }

            foreach (TItem item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            seen += items.Count;
            bool last = (page.Total is { } total && seen >= total)
                || !page.More
                || (step == Step.Offset && limit is { } size && items.Count < size)
                || (step == Step.Next && string.IsNullOrEmpty(page.Next));
            if (last)
            {
                yield break;
            }

            position += step == Step.Offset ? items.Count : 1;
            next = page.Next;
        }
    }

    /// <summary>How the position moves from one page to the next.</summary>
    private enum Step
    {
        /// <summary>The page number, by one.</summary>
        Number,

        /// <summary>The offset, by the items received.</summary>
        Offset,

        /// <summary>The cursor or link the page gives.</summary>
        Next,
    }
}
