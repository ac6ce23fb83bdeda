// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// The auto-paging method of a list operation that pages: an <c>IAsyncEnumerable</c> of its items that fetches the
/// next page only when the caller has consumed the previous one, stops at the end the answer signals, honours
/// cancellation between and during pages, and lets errors of any page surface as the operation's usual exceptions.
/// The loop is the runtime's (<c>ApiPager</c>, one for every way of paging, not an async state machine per
/// operation); the generated method passes it two lambdas, one fetching a page and one reading its facts. Their
/// parameters start with an underscore, which no parameter of the operation does.
/// </summary>
internal static partial class ClientEmitter
{
    private static void EmitPagingMember(SourceWriter writer, OperationModel operation, List<Parameter> parameters, string resultType, CompilationFacts facts, bool inInterface, string security = "", string handler = "")
    {
        if (operation.Paging is not { } paging)
        {
            return;
        }

        List<Parameter> own = parameters.Where(p => p.Name != paging.Parameter).ToList();
        string item = TypeSyntax.Of(paging.ItemType, facts);
        string returnType = "global::System.Collections.Generic.IAsyncEnumerable<" + item + ">";
        string signature = string.Join(", ", own.Select(p => p.Declaration).Append("global::System.Threading.CancellationToken cancellationToken = default"));
        writer.Line();
        if (!inInterface)
        {
            // The interface carries the documentation; the implementation inherits it.
            writer.Line("/// <inheritdoc />");
        }
        else
        {
            // The parameters' documentation is the operation's, inherited as the WithResponse companion's is (a param
            // tag of its own would make the compiler ask for all of them).
            writer.Lines($$"""
                /// <summary>
                /// Every item of <see cref="{{operation.MethodName}}"/>, page after page ({{Describe(paging)}}): the next page is
                /// fetched when the items of the previous one are consumed, and enumeration ends where the answer says; the
                /// token cancels between pages and during a page's request.
                /// </summary>
                /// <inheritdoc cref="{{operation.MethodName}}"/>
                """);
        }

        if (inInterface)
        {
            writer.Line(returnType + " " + paging.MethodName + "(" + signature + ");");
            return;
        }

        string arguments = string.Join(", ", own.Select(p => p.Name + ": " + p.Name));
        string pager = TypeSyntax.Runtime + ".Http.ApiPager";
        string read = PageReader(paging, item);
        if (paging.Style is PagingStyle.PageNumber or PagingStyle.Offset)
        {
            bool byOffset = paging.Style == PagingStyle.Offset;
            string position = paging.CounterIsInt32 ? "(int)_position" : "_position";
            string limit = byOffset && paging.LimitParameter is { } size ? size + " is { } _limit ? (long)_limit : (long?)null" : "null";
            writer.Lines($$"""
                public {{returnType}} {{paging.MethodName}}({{signature}})
                    => {{pager}}.ByNumber<{{resultType}}, {{item}}>(
                        first: {{paging.FirstPage}},
                        byOffset: {{(byOffset ? "true" : "false")}},
                        limit: {{limit}},
                        fetch: (_position, _cancellationToken) => {{operation.MethodName}}({{Join(arguments, paging.Parameter + ": " + position)}}, cancellationToken: _cancellationToken),
                        read: {{read}},
                        cancellationToken: cancellationToken);
                """);
            return;
        }

        // A cursor goes back as the operation's parameter; a next link is requested as it is (same origin only).
        string baseName = operation.Stem;
        string fetch = paging.Style == PagingStyle.Cursor
            ? operation.MethodName + "(" + Join(arguments, paging.Parameter + ": _next") + ", cancellationToken: _cancellationToken)"
            : "_next is null ? " + operation.MethodName + "(" + Join(arguments, "cancellationToken: _cancellationToken") + ") : _core.SendAsync<" + resultType + ">(_core.LinkRequest(_next), " + security + ", Handle" + baseName + ", " + LazyOperation(operation, baseName) + ", _cancellationToken)";
        writer.Lines($$"""
            public {{returnType}} {{paging.MethodName}}({{signature}})
                => {{pager}}.ByNext<{{resultType}}, {{item}}>(
                    fetch: (_next, _cancellationToken) => {{fetch}},
                    read: {{read}},
                    cancellationToken: cancellationToken);
            """);
    }

    private static string Join(string first, string second) => first.Length == 0 ? second : first + ", " + second;

    /// <summary>
    /// The lambda that reads a page's facts for the pager: its items (the answer's, or its envelope's data's), the
    /// total, whether more follow (a false has-more, or an empty next link or cursor, says no) and the next cursor or
    /// link. A cursor taken from the items is the last item's id.
    /// </summary>
    private static string PageReader(PagingModel paging, string item)
    {
        List<string> more = new();
        if (paging.HasMoreProperty is { } hasMore)
        {
            more.Add("_page?." + hasMore + " is not false");
        }

        if (paging.NextProperty is { } nextProperty && paging.Style is PagingStyle.PageNumber or PagingStyle.Offset)
        {
            more.Add("!string.IsNullOrEmpty(_page?." + nextProperty + ")");
        }

        string next = paging.Style switch
        {
            PagingStyle.PageNumber or PagingStyle.Offset => "null",
            _ when paging.ItemCursorProperty is { } id => "_page?." + paging.ItemsProperty + " is { Count: > 0 } _items ? _items[_items.Count - 1]." + id + " : null",
            _ => "_page?." + paging.NextProperty,
        };
        string total = paging.TotalProperty is { } totalProperty ? "_page?." + totalProperty : "null";
        string page = "new " + TypeSyntax.Runtime + ".Http.ApiPage<" + item + ">(_page?." + paging.ItemsProperty + ", " + total + ", " + (more.Count == 0 ? "true" : string.Join(" && ", more)) + ", " + next + ")";
        return paging.InEnvelope
            ? "static _response => { var _page = _response.GetDataOrThrow(); return " + page + "; }"
            : "static _page => " + page;
    }

    private static string Describe(PagingModel paging) => paging.Style switch
    {
        PagingStyle.NextLink => "by the next link each page gives",
        PagingStyle.PageNumber => "by page number",
        PagingStyle.Offset => "by offset",
        _ when paging.ItemCursorProperty is not null => "by cursor: the last item's id while more are to come",
        _ => "by the cursor each page gives for the next",
    };
}
