// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using LiveAvatarGen.Generator.Emitting;
using LiveAvatarGen.Generator.Infrastructure;
using LiveAvatarGen.Generator.Model;
using LiveAvatarGen.Generator.Naming;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>The headers an operation's success responses declare, as typed properties of one class per operation (operations that declare the same headers share the first one's, OperationMapper).</summary>
internal static class ResponseHeaders
{
    private static readonly NameTemplate MembersTaken = new(ResponseHeadersEmitter.Members);

    /// <summary>The declared headers of every 2xx response, first declaration of a name (ignoring case) wins.</summary>
    public static EquatableArray<ResponseHeaderModel> Map(OpenApiResponses? responses, string className)
    {
        List<ResponseHeaderModel> headers = new();
        if (responses is null)
        {
            return headers.ToEquatableArray();
        }

        // Made when the first header is met: most operations declare none.
        NameRegistry? names = null;
        HashSet<string>? seen = null;
        foreach (KeyValuePair<string, IOpenApiResponse> response in responses)
        {
            if (!IsSuccess(response.Key) || References.Resolve(response.Value)?.Headers is not { } declared)
            {
                continue;
            }

            foreach (KeyValuePair<string, IOpenApiHeader> header in declared)
            {
                // OpenAPI: a response header named Content-Type is ignored (the media type says it).
                if (string.IsNullOrWhiteSpace(header.Key) || string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase) || !(seen ??= new(StringComparer.OrdinalIgnoreCase)).Add(header.Key))
                {
                    continue;
                }

                if (names is null)
                {
                    names = MembersTaken.Start();
                    names.Reserve(className);
                }

                IOpenApiHeader? value = References.Resolve(header.Value);
                headers.Add(new ResponseHeaderModel(header.Key, names.Claim(Identifiers.ToPascalCase(header.Key)), TypeOf(value?.Schema), value?.Description));
            }
        }

        return headers.ToEquatableArray();
    }

    private static bool IsSuccess(string code) => code.Length == 3 && code[0] == '2';

    /// <summary>Scalars are typed; anything else (arrays, objects, enums) stays the header's text.</summary>
    private static TypeRef TypeOf(IOpenApiSchema? schema)
    {
        JsonSchemaType type = (schema?.Type ?? 0) & ~JsonSchemaType.Null;
        string? format = schema?.Format;
        TypeKind kind = type switch
        {
            JsonSchemaType.Integer => format == "int32" ? TypeKind.Int32 : TypeKind.Int64,
            JsonSchemaType.Number => format == "decimal" ? TypeKind.Decimal : TypeKind.Double,
            JsonSchemaType.Boolean => TypeKind.Boolean,
            JsonSchemaType.String when format == "uuid" => TypeKind.Guid,
            JsonSchemaType.String when format == "date-time" => TypeKind.DateTimeOffset,
            _ => TypeKind.String,
        };
        return new TypeRef(kind, IsNullable: true);
    }
}
