// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Linq;
using LiveAvatarGen.Generator.Model;
using Microsoft.OpenApi;
using ParameterLocation = LiveAvatarGen.Generator.Model.ParameterLocation;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Detects list operations that page, by their parameters and the shape of their answer (docs/coverage.md,
/// "Auto-paging"): a page number (<c>page</c>) with the page size, total or next link telling the end; an offset
/// (<c>offset</c>/<c>skip</c>) with a limit; a cursor (<c>starting_after</c>, <c>cursor</c>, <c>page_token</c>, …) with
/// <c>has_more</c> (the next cursor is the last item's id) or a next-cursor member; a next link (<c>next</c>) with
/// none of these parameters, requested as given. A spec can name the parts when
/// the names differ: <c>x-pagination: {style, parameter, items, total, next, hasMore, itemCursor}</c> on the operation.
/// </summary>
internal sealed partial class OperationMapper
{
    private static readonly string[] s_pageParameters = { "page", "page_number", "pageNumber", "pageNo" };
    private static readonly string[] s_offsetParameters = { "offset", "skip", "start" };
    private static readonly string[] s_limitParameters = { "limit", "page_size", "pageSize", "per_page", "perPage", "size", "count", "top", "max_results", "maxResults" };
    private static readonly string[] s_cursorParameters = { "starting_after", "cursor", "after", "page_token", "pageToken", "next_token", "nextToken", "continuation_token", "continuationToken", "marker" };
    private static readonly string[] s_itemsProperties = { "results", "items", "data", "records", "entries", "values", "list", "elements" };
    private static readonly string[] s_totalProperties = { "count", "total", "total_count", "totalCount", "total_results", "totalResults" };
    private static readonly string[] s_nextProperties = { "next", "next_url", "nextUrl", "next_link", "nextLink", "next_page", "next_cursor", "nextCursor", "next_page_token", "nextPageToken", "cursor" };
    private static readonly string[] s_hasMoreProperties = { "has_more", "hasMore", "has_next", "hasNext", "more" };

    private PagingModel? DetectPaging(OperationModel operation, OpenApiOperation source)
    {
        if (operation.HttpMethod != "GET" || SuccessType(operation) is not { } answer)
        {
            return null;
        }

        // The page is the answer, or the envelope's data.
        bool inEnvelope = answer.Kind == TypeKind.Generic && _schemas.Find(answer) is EnvelopeModel;
        TypeRef pageType = inEnvelope ? answer.Element!.AsNonNullable() : answer;
        if (_schemas.Find(pageType) is not ObjectModel page)
        {
            return null;
        }

        Func<TypeRef, TypeRef> close = t => Close(t, page, pageType);
        PropertyModel[] properties = page.Properties.ToArray();
        System.Collections.Generic.IDictionary<string, IOpenApiExtension>? extensions = source.Extensions;
        PagingHints hints = PagingHints.From(extensions);
        PropertyModel? items = Named(properties, hints.Items ?? string.Empty) ?? s_itemsProperties.Select(n => Named(properties, n)).FirstOrDefault(p => p?.Type.Kind == TypeKind.List)
            ?? (properties.Count(p => p.Type.Kind == TypeKind.List) == 1 ? properties.First(p => p.Type.Kind == TypeKind.List) : null);
        if (items is null || items.Type.Kind != TypeKind.List)
        {
            return null;
        }

        TypeRef itemType = close(items.Type.Element!);
        PropertyModel? total = Named(properties, hints.Total ?? string.Empty) ?? s_totalProperties.Select(n => Named(properties, n)).FirstOrDefault(p => p?.Type.AsNonNullable().Kind is TypeKind.Int32 or TypeKind.Int64);
        PropertyModel? next = Named(properties, hints.Next ?? string.Empty) ?? s_nextProperties.Select(n => Named(properties, n)).FirstOrDefault(p => p?.Type.AsNonNullable().Kind == TypeKind.String);
        PropertyModel? hasMore = Named(properties, hints.HasMore ?? string.Empty) ?? s_hasMoreProperties.Select(n => Named(properties, n)).FirstOrDefault(p => p?.Type.AsNonNullable().Kind == TypeKind.Boolean);
        ParameterModel[] query = operation.Parameters.Where(p => p.Location == ParameterLocation.Query && !p.IsRequired).ToArray();
        // Named later with the other companions (NameCompanions), so it never renames an operation of the spec.
        static string Name() => string.Empty;

        ParameterModel? cursor = Parameter(query, hints.Style == "cursor" ? hints.Parameter : null, s_cursorParameters, TypeKind.String);
        if (hints.Style is null or "cursor" && cursor is not null)
        {
            ObjectModel? item = _schemas.Find(itemType) as ObjectModel;
            PropertyModel? id = item is null ? null : Named(item.Properties.ToArray(), hints.ItemCursor ?? "id");
            if (hasMore is not null && id is not null && id.Type.AsNonNullable().Kind == TypeKind.String)
            {
                return new PagingModel(PagingStyle.Cursor, Name(), cursor.Name, false, 0, null, inEnvelope, itemType, items.Name, null, null, hasMore.Name, id.Name);
            }

            if (next is not null)
            {
                return new PagingModel(PagingStyle.Cursor, Name(), cursor.Name, false, 0, null, inEnvelope, itemType, items.Name, null, next.Name, hasMore?.Name, null);
            }
        }

        ParameterModel? pageNumber = Parameter(query, hints.Style == "page" ? hints.Parameter : null, s_pageParameters, TypeKind.Int64);
        if (hints.Style is null or "page" && pageNumber is not null && (total is not null || next is not null || hasMore is not null || Parameter(query, null, s_limitParameters, TypeKind.Int64) is not null))
        {
            long first = pageNumber.Type.AsNonNullable().Kind == TypeKind.Struct && _schemas.Find(pageNumber.Type.AsNonNullable()) is NumberTypeModel { Minimum: "0" } ? 0 : 1;
            return new PagingModel(PagingStyle.PageNumber, Name(), pageNumber.Name, IsInt32(pageNumber.Type), first, null, inEnvelope, itemType, items.Name, total?.Name, next?.Name, hasMore?.Name, null);
        }

        ParameterModel? offset = Parameter(query, hints.Style == "offset" ? hints.Parameter : null, s_offsetParameters, TypeKind.Int64);
        ParameterModel? limit = Parameter(query, null, s_limitParameters, TypeKind.Int64);
        if (hints.Style is null or "offset" && offset is not null)
        {
            return new PagingModel(PagingStyle.Offset, Name(), offset.Name, IsInt32(offset.Type), 0, limit?.Name, inEnvelope, itemType, items.Name, total?.Name, next?.Name, hasMore?.Name, null);
        }

        // A next link and nothing to move: the link itself is the next request (same origin only, checked at run time).
        if (hints.Style is null or "next" && next is not null && cursor is null && pageNumber is null && offset is null)
        {
            return new PagingModel(PagingStyle.NextLink, Name(), string.Empty, false, 0, null, inEnvelope, itemType, items.Name, total?.Name, next.Name, hasMore?.Name, null);
        }

        return null;
    }

    /// <summary>The type of the first 2xx JSON answer.</summary>
    private static TypeRef? SuccessType(OperationModel operation) => operation.Responses
        .Where(r => r.StatusCode.StartsWith("2", StringComparison.Ordinal) && r.Kind == ContentKind.Json && r.Type is not null)
        .OrderBy(r => r.StatusCode, StringComparer.Ordinal)
        .Select(r => r.Type!.AsNonNullable())
        .FirstOrDefault();

    /// <summary>A generic family's type parameter, replaced by the argument this answer uses.</summary>
    private static TypeRef Close(TypeRef type, ObjectModel page, TypeRef pageType)
    {
        if (page.Generic is null)
        {
            return type;
        }

        if (type.Kind == TypeKind.TypeParameter)
        {
            return type.IsNullable ? pageType.Element!.AsNullable() : pageType.Element!;
        }

        return type.Element is null ? type : type with { Element = Close(type.Element, page, pageType) };
    }

    private static PropertyModel? Named(PropertyModel[] properties, string jsonName) => properties.FirstOrDefault(p => p.JsonName == jsonName);

    private ParameterModel? Parameter(ParameterModel[] query, string? named, string[] names, TypeKind kind)
    {
        foreach (string name in named is null ? names : new[] { named })
        {
            ParameterModel? found = query.FirstOrDefault(p => p.JsonName == name);
            TypeRef foundType = found?.Type.AsNonNullable() ?? TypeRef.AnyJson;
            // A validated integer (a number struct with bounds) counts as an integer; a validated string does not.
            bool integer = foundType.Kind is TypeKind.Int32 or TypeKind.Int64
                || (foundType.Kind == TypeKind.Struct && _schemas.Find(foundType) is NumberTypeModel { Underlying: TypeKind.Int32 or TypeKind.Int64 });
            bool fits = kind == TypeKind.String ? foundType.Kind == TypeKind.String : integer;
            if (found is not null && fits)
            {
                return found;
            }
        }

        return null;
    }

    private bool IsInt32(TypeRef type)
    {
        TypeRef plain = type.AsNonNullable();
        return plain.Kind == TypeKind.Int32 || (plain.Kind == TypeKind.Struct && _schemas.Find(plain) is NumberTypeModel { Underlying: TypeKind.Int32 });
    }

    /// <summary>What a spec's <c>x-pagination</c> extension names, when its names differ from the usual ones.</summary>
    private sealed record PagingHints(string? Style, string? Parameter, string? Items, string? Total, string? Next, string? HasMore, string? ItemCursor)
    {
        public static PagingHints From(System.Collections.Generic.IDictionary<string, IOpenApiExtension>? extensions)
        {
            if (extensions is null || !extensions.TryGetValue("x-pagination", out IOpenApiExtension? extension) || extension is not JsonNodeExtension { Node: System.Text.Json.Nodes.JsonObject node })
            {
                return new PagingHints(null, null, null, null, null, null, null);
            }

            string? Text(string key) => node.TryGetPropertyValue(key, out System.Text.Json.Nodes.JsonNode? value) && value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue(out string? s) ? s : null;
            return new PagingHints(Text("style"), Text("parameter"), Text("items"), Text("total"), Text("next"), Text("hasMore"), Text("itemCursor"));
        }
    }
}
