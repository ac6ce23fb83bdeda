// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>The <c>encoding</c> object of a form or multipart body, applied to its fields.</summary>
internal static class FieldEncodings
{
    /// <param name="fields">The body's fields.</param>
    /// <param name="encodings">The media type's <c>encoding</c> map.</param>
    /// <param name="writesExplode">Whether the spec writes <c>explode</c> for a field: the reader reports a default as if written.</param>
    public static EquatableArray<BodyFieldModel> Apply(EquatableArray<BodyFieldModel> fields, IDictionary<string, OpenApiEncoding>? encodings, Func<string, bool> writesExplode)
    {
        if (encodings is not { Count: > 0 })
        {
            return fields;
        }

        BodyFieldModel[] encoded = new BodyFieldModel[fields.Count];
        for (int i = 0; i < encoded.Length; i++)
        {
            BodyFieldModel field = fields[i];
            // With a style, whether explode was written changes nothing; asking costs an index of the whole text
            // (Stripe: a sixth of the generator's run), so it is asked only without one.
            encoded[i] = encodings.TryGetValue(field.JsonName, out OpenApiEncoding? encoding) && encoding is not null
                ? Encode(field, encoding, encoding.Style is null && writesExplode(field.JsonName))
                : field;
        }

        return new EquatableArray<BodyFieldModel>(encoded);
    }

    private static BodyFieldModel Encode(BodyFieldModel field, OpenApiEncoding encoding, bool writesExplode)
    {
        SerializationStyle style = encoding.Style switch
        {
            ParameterStyle.SpaceDelimited => SerializationStyle.SpaceDelimited,
            ParameterStyle.PipeDelimited => SerializationStyle.PipeDelimited,
            ParameterStyle.DeepObject => SerializationStyle.DeepObject,
            _ => SerializationStyle.Form,
        };

        // As for query parameters: explode defaults to true for form and to false for the other styles. An explicit
        // style or explode makes OpenAPI ignore the content type, so the field is serialized like a query parameter.
        return field with
        {
            Style = style,
            Explode = writesExplode || encoding.Style is not null ? encoding.Explode ?? style == SerializationStyle.Form : style == SerializationStyle.Form,
            IsStyled = encoding.Style is not null || writesExplode,
            ContentType = Concrete(encoding.ContentType),
        };
    }

    /// <summary>One media type without wildcards; a list (<c>image/png, image/jpeg</c>) or a range (<c>image/*</c>) names no single type to send.</summary>
    private static string? Concrete(string? contentType)
    {
        string? trimmed = contentType?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed!.IndexOf(',') >= 0 || trimmed.IndexOf('*') >= 0)
        {
            return null;
        }

        return trimmed.IndexOf('/') > 0 ? trimmed.Split(';')[0].Trim() : null;
    }
}
