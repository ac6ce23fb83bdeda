// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.Generator.Model;

/// <summary>How a list operation pages.</summary>
internal enum PagingStyle
{
    /// <summary>A page number parameter (<c>page</c>), one more per call.</summary>
    PageNumber,

    /// <summary>An offset parameter (<c>offset</c>), advanced by the items received.</summary>
    Offset,

    /// <summary>A cursor parameter: the last item's id while the answer says <c>has_more</c> (Stripe), or the answer's next cursor (Slack).</summary>
    Cursor,

    /// <summary>No parameter moves: the answer's next link (same origin) is requested as it is, until it is null or empty.</summary>
    NextLink,
}

/// <summary>
/// A list operation that pages, and the facts its auto-paging method needs: which parameter moves, where the items
/// are in the answer, and which members say the end has come.
/// </summary>
/// <param name="Style">How it pages.</param>
/// <param name="MethodName">The auto-paging method's name, claimed from the client's member registry after every operation is named.</param>
/// <param name="Parameter">The C# name of the parameter the pager sets (page number, offset or cursor); the method does not take it.</param>
/// <param name="CounterIsInt32">The page number or offset is an <c>int</c> (else a <c>long</c>).</param>
/// <param name="FirstPage">The first page number (1, or the parameter's minimum).</param>
/// <param name="LimitParameter">For offsets: the C# name of the page-size parameter, whose value ends paging when a page comes back shorter.</param>
/// <param name="InEnvelope">The page is the <c>data</c> of the response envelope.</param>
/// <param name="ItemType">The type of one item.</param>
/// <param name="ItemsProperty">The page's list of items.</param>
/// <param name="TotalProperty">A total count of items, or null.</param>
/// <param name="NextProperty">A next link or next cursor member (null or empty at the end), or null.</param>
/// <param name="HasMoreProperty">A boolean "more to come" member, or null.</param>
/// <param name="ItemCursorProperty">For cursors taken from the last item: its id property.</param>
internal sealed record PagingModel(
    PagingStyle Style,
    string MethodName,
    string Parameter,
    bool CounterIsInt32,
    long FirstPage,
    string? LimitParameter,
    bool InEnvelope,
    TypeRef ItemType,
    string ItemsProperty,
    string? TotalProperty,
    string? NextProperty,
    string? HasMoreProperty,
    string? ItemCursorProperty);
