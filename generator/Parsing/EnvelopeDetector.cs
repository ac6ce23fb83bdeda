// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Linq;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Recognises the LiveAvatar-style envelope <c>{code: integer, data: X | null, message: string}</c>
/// (FastAPI's generic <c>Response[X]</c>), which becomes one generic type per spec.
/// </summary>
internal static class EnvelopeDetector
{
    public static bool IsEnvelope(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference || schema.Properties is not { Count: 3 } properties || schema.AllOf is { Count: > 0 })
        {
            return false;
        }

        return properties.TryGetValue("code", out IOpenApiSchema? code) && code is not null and not OpenApiSchemaReference && (code.Type & ~JsonSchemaType.Null) == JsonSchemaType.Integer
            && properties.TryGetValue("data", out IOpenApiSchema? data) && data is not null
            && properties.TryGetValue("message", out IOpenApiSchema? message) && message is not null && IsStringLike(message)
            && (schema.Required is null || schema.Required.All(r => r is "code" or "data" or "message"));
    }

    private static bool IsStringLike(IOpenApiSchema schema)
    {
        if ((schema.Type & ~JsonSchemaType.Null) == JsonSchemaType.String && schema.Pattern is null && schema.Enum is not { Count: > 0 })
        {
            return true;
        }

        return schema.AnyOf is { Count: 2 } anyOf && anyOf.Any(a => a?.Type == JsonSchemaType.Null) && anyOf.Any(a => a?.Type == JsonSchemaType.String);
    }
}
