// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Resolves <c>$ref</c> parameters, responses, request bodies and schemas once. Microsoft.OpenApi's reference objects resolve
/// their target through a URI on every property access, which dominated operation mapping on large specs.
/// </summary>
internal static class References
{
    /// <summary>How many aliases (a component that is only a <c>$ref</c>) a schema reference is followed through.</summary>
    private const int MaxAliasSteps = 8;

    public static IOpenApiParameter Resolve(IOpenApiParameter parameter) => parameter is OpenApiParameterReference reference ? Target(reference, static r => r.Target) ?? parameter : parameter;

    public static IOpenApiResponse? Resolve(IOpenApiResponse? response) => response is OpenApiResponseReference reference ? Target(reference, static r => r.Target) ?? response : response;

    public static IOpenApiHeader? Resolve(IOpenApiHeader? header) => header is OpenApiHeaderReference reference ? Target(reference, static r => r.Target) ?? header : header;

    public static IOpenApiRequestBody? Resolve(IOpenApiRequestBody? body) => body is OpenApiRequestBodyReference reference ? Target(reference, static r => r.Target) ?? body : body;

    /// <summary>
    /// The schema a reference points to, following a chain of aliases a few steps; an unresolvable or cyclic one stays
    /// as it is. Only for reading structure (type, items, alternatives): annotations written beside a 3.1 <c>$ref</c>
    /// live on the reference.
    /// </summary>
    public static IOpenApiSchema Resolve(IOpenApiSchema schema)
    {
        for (int step = 0; step < MaxAliasSteps && schema is OpenApiSchemaReference reference; step++)
        {
            if (Target(reference, static r => (IOpenApiSchema?)r.Target) is not { } target || ReferenceEquals(target, schema))
            {
                break;
            }

            schema = target;
        }

        return schema;
    }

    /// <summary>An unresolvable or cyclic reference keeps the reference object, whose accessors then yield nothing.</summary>
    private static TTarget? Target<TReference, TTarget>(TReference reference, Func<TReference, TTarget?> read)
        where TTarget : class
    {
        try
        {
            return read(reference);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
