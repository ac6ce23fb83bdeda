// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
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
[EditorBrowsable(EditorBrowsableState.Never)]
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

    /// <summary>
    /// The key of a <c>deepObject</c> array's item: <c>name[index]</c>. OpenAPI leaves such arrays undefined; indices
    /// keep every item, and an array of objects item by item (<c>items[0][price]=...</c>), as Stripe's own SDKs send them
    /// and Rack, PHP and qs read them. The index counts the items sent: a null item is left out without a gap.
    /// </summary>
    public static string Indexed(string name, int index) => name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>A <c>deepObject</c> array of strings as pairs, each item under its <see cref="Indexed"/> key: the form's and the query's one loop.</summary>
    internal static void IndexedPairs(string name, IEnumerable<string?> values, List<KeyValuePair<string, string>> into)
    {
        int index = 0;
        foreach (string? value in values)
        {
            if (value is not null)
            {
                into.Add(new KeyValuePair<string, string>(Indexed(name, index++), value));
            }
        }
    }

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
        List<KeyValuePair<string, string>> pairs = new();
        Pairs(name, value, style, explode, pairs);
        foreach (KeyValuePair<string, string> pair in pairs)
        {
            request.AddQuery(pair.Key, pair.Value);
        }
    }

    /// <summary>
    /// The name/value pairs of a value in a query-like style, as the query and form and multipart fields with an
    /// explicit <c>style</c> or <c>explode</c> encode them: <c>form</c> exploded gives one pair per array item or object
    /// property (<c>a=1&amp;a=2</c>, <c>color=red&amp;size=2</c>), not exploded one joined pair (<c>a=1,2</c>,
    /// <c>filter=color,red,size,2</c>); <c>spaceDelimited</c> and <c>pipeDelimited</c> join arrays with their
    /// separator; <c>deepObject</c> nests object members in brackets (<c>filter[color]=red</c>) and array items under
    /// their index (<c>filter[sizes][0]=1</c>, see <see cref="Indexed"/>). Nested objects and
    /// arrays that a style cannot express travel as JSON text.
    /// </summary>
    internal static void Pairs(string name, JsonElement value, string style, bool explode, List<KeyValuePair<string, string>> into)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return;
            case JsonValueKind.Object when style == "deepObject":
                AddDeep(into, name, value);
                return;
            case JsonValueKind.Object when explode:
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.Null)
                    {
                        into.Add(new KeyValuePair<string, string>(property.Name, Scalar(property.Value)));
                    }
                }

                return;
            case JsonValueKind.Object:
                into.Add(new KeyValuePair<string, string>(name, ObjectValue(value, explode: false)));
                return;
            case JsonValueKind.Array when style == "deepObject":
                AddDeep(into, name, value);
                return;
            case JsonValueKind.Array when explode:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Null)
                    {
                        into.Add(new KeyValuePair<string, string>(name, Scalar(item)));
                    }
                }

                return;
            case JsonValueKind.Array:
                into.Add(new KeyValuePair<string, string>(name, string.Join(Separator(style), value.EnumerateArray().Where(i => i.ValueKind != JsonValueKind.Null).Select(Scalar))));
                return;
            default:
                into.Add(new KeyValuePair<string, string>(name, Scalar(value)));
                return;
        }
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

    private static void AddDeep(List<KeyValuePair<string, string>> into, string prefix, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    AddDeep(into, prefix + "[" + property.Name + "]", property.Value);
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Null)
                    {
                        AddDeep(into, Indexed(prefix, index++), item);
                    }
                }

                break;
            case JsonValueKind.Null:
                break;
            default:
                into.Add(new KeyValuePair<string, string>(prefix, Scalar(value)));
                break;
        }
    }

    /// <summary>A value as text: strings unquoted, numbers and booleans as written, objects and arrays as JSON.</summary>
    internal static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };
}
