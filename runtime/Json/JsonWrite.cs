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
}
