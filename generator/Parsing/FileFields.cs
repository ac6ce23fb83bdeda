// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>How many files a form field carries.</summary>
internal enum FileShape
{
    None,
    One,
    Many,
}

/// <summary>
/// Recognises file fields of a multipart body however the spec spells them: <c>format: binary</c> (3.0) or
/// <c>contentMediaType</c> (3.1), behind a <c>$ref</c>, a single <c>allOf</c>, or the nullable <c>anyOf</c>/<c>oneOf</c>
/// that FastAPI writes for <c>Optional[list[UploadFile]]</c>; alone or as array items.
/// </summary>
internal static class FileFields
{
    /// <summary>A nullable wrapper around a wrapper around a file is already unusual; the bound keeps cycles finite.</summary>
    private const int MaxUnwrap = 8;

    public static FileShape Of(IOpenApiSchema? schema)
    {
        IOpenApiSchema? value = Unwrap(schema);
        if (value is null)
        {
            return FileShape.None;
        }

        if (IsBinary(value))
        {
            return FileShape.One;
        }

        IOpenApiSchema? items = SafeSchema.Get(value, static s => (s.Type & ~JsonSchemaType.Null) is JsonSchemaType.Array or null ? s.Items : null, null);
        return Unwrap(items) is { } item && IsBinary(item) ? FileShape.Many : FileShape.None;
    }

    /// <summary>
    /// Follows references, a nullable wrapper and a single <c>allOf</c> to the schema that says what the field is.
    /// Each step resolves a reference once: every accessor of a reference resolves it again (a workspace lookup),
    /// and this runs for every field of every form and multipart body.
    /// </summary>
    private static IOpenApiSchema? Unwrap(IOpenApiSchema? schema)
    {
        for (int depth = 0; schema is not null && depth < MaxUnwrap; depth++)
        {
            schema = References.Resolve(schema);
            IOpenApiSchema? inner = SafeSchema.Get(schema, static s => OnlyPart(s), null);
            if (inner is null)
            {
                return schema;
            }

            schema = inner;
        }

        return schema;
    }

    /// <summary>The one real alternative of a nullable <c>anyOf</c>/<c>oneOf</c>, or the one part of an <c>allOf</c>.</summary>
    private static IOpenApiSchema? OnlyPart(IOpenApiSchema schema)
    {
        IList<IOpenApiSchema>? alternatives = schema.AnyOf is { Count: > 0 } anyOf ? anyOf : schema.OneOf;
        if (alternatives is { Count: > 0 })
        {
            IOpenApiSchema? real = null;
            foreach (IOpenApiSchema alternative in alternatives)
            {
                if (alternative is not null && alternative.Type != JsonSchemaType.Null)
                {
                    if (real is not null)
                    {
                        return null;
                    }

                    real = alternative;
                }
            }

            return real;
        }

        return schema.AllOf is { Count: 1 } allOf && schema.Properties is not { Count: > 0 } ? allOf[0] : null;
    }

    private static bool IsBinary(IOpenApiSchema schema)
    {
        return SafeSchema.Get(
            schema,
            static s => (s.Type & ~JsonSchemaType.Null) is JsonSchemaType.String or null
                && (s.Format == "binary" || s is IOpenApiSchemaMissingProperties { ContentMediaType: not null, ContentEncoding: null }),
            false);
    }
}
