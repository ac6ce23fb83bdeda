// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace LiveAvatarGen.Runtime.Json;

/// <summary>Writers used by generated code for collections.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWrite
{
    /// <summary>Writes a sequence as a JSON array.</summary>
    public static void List<T>(Utf8JsonWriter writer, IEnumerable<T> items, JsonWriteAction<T> writeItem)
    {
        writer.WriteStartArray();
        foreach (T item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a dictionary as a JSON object, in key order as stored.</summary>
    public static void Map<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> map, JsonWriteAction<T> writeValue)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, T> pair in map)
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes an object's undeclared members kept in <c>AdditionalProperties</c>, inside the object being written;
    /// nothing when there are none. One call instead of a loop in every generated type.
    /// </summary>
    public static void Members(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, JsonElement>>? members)
    {
        if (members is null)
        {
            return;
        }

        foreach (KeyValuePair<string, JsonElement> pair in members)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    /// <summary>Writes typed undeclared members (a schema's <c>additionalProperties</c> type), inside the object being written.</summary>
    public static void Members<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>>? members, JsonWriteAction<T> writeValue)
    {
        if (members is null)
        {
            return;
        }

        foreach (KeyValuePair<string, T> pair in members)
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value);
        }
    }
}
