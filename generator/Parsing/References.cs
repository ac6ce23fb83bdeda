// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Resolves <c>$ref</c> parameters, responses and request bodies once. Microsoft.OpenApi's reference objects resolve
/// their target through a URI on every property access, which dominated operation mapping on large specs.
/// </summary>
internal static class References
{
    public static IOpenApiParameter Resolve(IOpenApiParameter parameter) => parameter is OpenApiParameterReference reference ? Target(reference, static r => r.Target) ?? parameter : parameter;

    public static IOpenApiResponse? Resolve(IOpenApiResponse? response) => response is OpenApiResponseReference reference ? Target(reference, static r => r.Target) ?? response : response;

    public static IOpenApiHeader? Resolve(IOpenApiHeader? header) => header is OpenApiHeaderReference reference ? Target(reference, static r => r.Target) ?? header : header;

    public static IOpenApiRequestBody? Resolve(IOpenApiRequestBody? body) => body is OpenApiRequestBodyReference reference ? Target(reference, static r => r.Target) ?? body : body;

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
