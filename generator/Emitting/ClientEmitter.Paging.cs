// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.Linq;
using LiveAvatarGen.Generator.Model;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>
/// The auto-paging method of a list operation that pages: an <c>IAsyncEnumerable</c> of its items that fetches the
/// next page only when the caller has consumed the previous one, stops at the end the answer signals, honours
/// cancellation between and during pages, and lets errors of any page surface as the operation's usual exceptions.
/// Its locals start with an underscore, which no parameter does.
/// </summary>
internal static partial class ClientEmitter
{
    private static void EmitPagingMember(SourceWriter writer, OperationModel operation, List<Parameter> parameters, string resultType, CompilationFacts facts, bool inInterface, string security = "")
    {
        if (operation.Paging is not { } paging)
        {
            return;
        }

        List<Parameter> own = parameters.Where(p => p.Name != paging.Parameter).ToList();
        string item = TypeSyntax.Of(paging.ItemType, facts);
        string returnType = "global::System.Collections.Generic.IAsyncEnumerable<" + item + ">";
        string signature = string.Join(", ", own.Select(p => p.Declaration).Append("[global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default"));
        writer.Line();
        if (!inInterface)
        {
            // The interface carries the documentation; the implementation inherits it.
            writer.Line("/// <inheritdoc />");
        }
        else
        {
            writer.Lines($$"""
                /// <summary>
                /// Every item of <see cref="{{operation.MethodName}}"/>, page after page ({{Describe(paging)}}): the next page is
                /// fetched when the items of the previous one are consumed, and enumeration ends where the answer says.
                /// </summary>
                """);
            foreach (Parameter parameter in own)
            {
                writer.Line("/// <param name=\"" + parameter.Name.TrimStart('@') + "\">" + SourceWriter.Xml(parameter.Documentation ?? parameter.WireName).Replace("\n", " ") + "</param>");
            }

            writer.Line("/// <param name=\"cancellationToken\">Cancels the enumeration, between pages and during a page's request.</param>");
        }

        if (inInterface)
        {
            writer.Line(returnType + " " + paging.MethodName + "(" + signature.Replace("[global::System.Runtime.CompilerServices.EnumeratorCancellation] ", string.Empty) + ");");
            return;
        }

        if (paging.Style == PagingStyle.NextLink)
        {
            EmitNextLinkPager(writer, operation, paging, own, resultType, returnType, signature, security);
            return;
        }

        string counter = paging.CounterIsInt32 ? "int" : "long";
        string arguments = string.Join(", ", own.Select(p => p.Name + ": " + p.Name).Append(paging.Parameter + ": _position").Append("cancellationToken: cancellationToken"));
        string position = paging.Style == PagingStyle.Cursor ? "string? _position = null;" : counter + " _position = " + paging.FirstPage + ";";
        writer.Lines($$"""
            public async {{returnType}} {{paging.MethodName}}({{signature}})
            {
                {{position}}
                long _seen = 0;
                while (true)
                {
                    var _response = await {{operation.MethodName}}({{arguments}}).ConfigureAwait(false);
            """);
        writer.Indent(2);
        EmitPageItems(writer, paging);
        if (paging.HasMoreProperty is { } hasMore)
        {
            writer.Lines($$"""
                if (_page.{{hasMore}} is false)
                {
                    yield break;
                }

                """);
        }

        if (paging.NextProperty is { } next)
        {
            writer.Lines($$"""
                if (string.IsNullOrEmpty(_page.{{next}}))
                {
                    yield break;
                }

                """);
        }

        if (paging.Style == PagingStyle.Offset && paging.LimitParameter is { } limit)
        {
            writer.Lines($$"""
                if ({{limit}} is { } _limit && _items.Count < (long)_limit)
                {
                    yield break;
                }

                """);
        }

        writer.Line(paging.Style switch
        {
            PagingStyle.PageNumber => "_position++;",
            PagingStyle.Offset => "_position += _items.Count;",
            _ when paging.ItemCursorProperty is { } id => "_position = _items[_items.Count - 1]." + id + ";",
            _ => "_position = _page." + paging.NextProperty + ";",
        });
        writer.Indent(-2);
        writer.Lines("""
                }
            }
            """);
    }

    /// <summary>The first page from the operation's own method, then each next link as the answer gives it (same origin only).</summary>
    private static void EmitNextLinkPager(SourceWriter writer, OperationModel operation, PagingModel paging, List<Parameter> own, string resultType, string returnType, string signature, string security)
    {
        string baseName = operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length);
        string arguments = string.Join(", ", own.Select(p => p.Name + ": " + p.Name).Append("cancellationToken: cancellationToken"));
        writer.Lines($$"""
            public async {{returnType}} {{paging.MethodName}}({{signature}})
            {
                var _response = await {{operation.MethodName}}({{arguments}}).ConfigureAwait(false);
                long _seen = 0;
                while (true)
                {
            """);
        writer.Indent(2);
        EmitPageItems(writer, paging);
        writer.Lines($$"""
            if (_page.{{paging.NextProperty}} is not { Length: > 0 } _next)
            {
                yield break;
            }

            _response = await _core.SendAsync<{{resultType}}>(_core.LinkRequest(_next), {{security}}, Handle{{baseName}}, {{LazyOperation(operation, baseName)}}, cancellationToken).ConfigureAwait(false);
            """);
        writer.Indent(-2);
        writer.Lines("""
                }
            }
            """);
    }

    /// <summary>
    /// What every pager does with a page, inside its loop: the page (the answer, or the envelope's data), its items
    /// yielded one by one with cancellation checked between them, and the end once the total is reached.
    /// </summary>
    private static void EmitPageItems(SourceWriter writer, PagingModel paging)
    {
        writer.Lines($$"""
            var _page = {{(paging.InEnvelope ? "_response.GetDataOrThrow()" : "_response")}};
            var _items = _page?.{{paging.ItemsProperty}};
            if (_page is null || _items is null || _items.Count == 0)
            {
                yield break;
            }

            foreach (var _item in _items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return _item;
            }

            _seen += _items.Count;
            """);
        if (paging.TotalProperty is { } total)
        {
            writer.Lines($$"""
                if (_page.{{total}} is { } _total && _seen >= _total)
                {
                    yield break;
                }

                """);
        }
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
