// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// A streamed response whose status and headers have arrived: what a streaming operation's
/// <c>...WithResponseAsync</c> companion returns. Enumerate it (once) to read the items as they arrive; dispose it
/// (<c>await using</c>) to release the connection when the items are not read to the end.
/// </summary>
/// <typeparam name="T">The type of an item.</typeparam>
public class ApiStreamResponse<T> : ApiResponse, IAsyncEnumerable<T>, IAsyncDisposable, IDisposable
{
    private readonly IAsyncEnumerable<T> _items;
    private readonly IDisposable? _owner;
    private int _enumerated;

    /// <summary>Creates the response over items (for example to return from a mock).</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">The response and content headers.</param>
    /// <param name="items">The items.</param>
    public ApiStreamResponse(int statusCode, ApiResponseHeaders headers, IAsyncEnumerable<T> items)
        : this(statusCode, headers, items, null)
    {
    }

    /// <summary>The same stream with typed headers (generated subclasses use it); the stream moves to the new response.</summary>
    /// <param name="response">The untyped response.</param>
    /// <param name="headers">The headers, typed.</param>
    protected ApiStreamResponse(ApiStreamResponse<T> response, ApiResponseHeaders headers)
        : base((response ?? throw new ArgumentNullException(nameof(response))).StatusCode, headers)
    {
        _items = response._items;
        _owner = response._owner;
    }

    internal ApiStreamResponse(int statusCode, ApiResponseHeaders headers, IAsyncEnumerable<T> items, IDisposable? owner)
        : base(statusCode, headers)
    {
        _items = items ?? throw new ArgumentNullException(nameof(items));
        _owner = owner;
    }

    /// <summary>Reads the items as they arrive; the stream can be read once.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("The items of a streamed response can be read once.");
        }

        return _items.GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>Releases the connection; reading the items to the end does it too.</summary>
    public void Dispose()
    {
        _owner?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection; reading the items to the end does it too.</summary>
    public ValueTask DisposeAsync()
    {
        _owner?.Dispose();
        GC.SuppressFinalize(this);
        return default;
    }
}

/// <summary>A streamed response whose spec declares response headers: they are typed.</summary>
/// <typeparam name="T">The type of an item.</typeparam>
/// <typeparam name="THeaders">The generated class of the declared headers.</typeparam>
public sealed class ApiStreamResponse<T, THeaders> : ApiStreamResponse<T>
    where THeaders : ApiResponseHeaders
{
    /// <summary>The same stream with typed headers; the stream moves to this response.</summary>
    /// <param name="response">The untyped response.</param>
    /// <param name="headers">The headers, typed.</param>
    public ApiStreamResponse(ApiStreamResponse<T> response, THeaders headers)
        : base(response, headers)
    {
    }

    /// <summary>The headers, with a typed property per declared header; every header is still readable by name.</summary>
    public new THeaders Headers => (THeaders)base.Headers;
}
