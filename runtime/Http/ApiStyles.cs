// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using LiveAvatarGen.Runtime.Json;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// OpenAPI parameter serialization styles (path: simple, label, matrix; query: form, pipeDelimited,
/// spaceDelimited, deepObject) for lists and objects. Scalars need no style beyond their prefix.
/// </summary>
public static class ApiStyles
{
    /// <summary>A path value in <c>simple</c>, <c>label</c> or <c>matrix</c> style; each item is escaped as a segment.</summary>
    public static string Path(string name, string style, bool explode, IEnumerable<string> items, bool isList)
    {
        string[] escaped = items.Select(ApiFormat.PathSegment).ToArray();
        switch (style)
        {
            case "label":
                return "." + string.Join(explode && isList ? "." : ",", escaped);
            case "matrix":
                if (explode && isList)
                {
                    return string.Concat(escaped.Select(item => ";" + name + "=" + item));
                }

                return ";" + name + "=" + string.Join(",", escaped);
            default:
                return string.Join(",", escaped);
        }
    }

    /// <summary>The separator of a non-exploded list in a query, header or cookie.</summary>
    public static string Separator(string style) => style switch
    {
        "pipeDelimited" => "|",
        "spaceDelimited" => " ",
        _ => ",",
    };

    /// <summary>Writes a value with its generated writer and reads it back as JSON, to serialize objects as parameters.</summary>
    public static JsonElement ToElement<T>(T value, JsonWriteAction<T> write)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            write(writer, value);
        }

        using JsonDocument document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    /// <summary>Adds an object parameter to the query in <c>form</c> or <c>deepObject</c> style.</summary>
    public static void AddQueryObject(ApiRequest request, string name, JsonElement value, string style, bool explode)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            request.AddQuery(name, Scalar(value));
            return;
        }

        if (style == "deepObject")
        {
            AddDeep(request, name, value);
            return;
        }

        if (explode)
        {
            foreach (JsonProperty property in value.EnumerateObject())
            {
                request.AddQuery(property.Name, Scalar(property.Value));
            }

            return;
        }

        request.AddQuery(name, ObjectValue(value, explode: false));
    }

    /// <summary>An object as one value, <c>simple</c> style: <c>k1,v1,k2,v2</c>, or <c>k1=v1,k2=v2</c> when exploded.</summary>
    public static string ObjectValue(JsonElement value, bool explode)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Scalar(value);
        }

        StringBuilder builder = new();
        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(property.Name).Append(explode ? '=' : ',').Append(Scalar(property.Value));
        }

        return builder.ToString();
    }

    private static void AddDeep(ApiRequest request, string prefix, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    AddDeep(request, prefix + "[" + property.Name + "]", property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    AddDeep(request, prefix, item);
                }

                break;
            case JsonValueKind.Null:
                break;
            default:
                request.AddQuery(prefix, Scalar(value));
                break;
        }
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };
}
