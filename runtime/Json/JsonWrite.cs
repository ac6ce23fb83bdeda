// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace LiveAvatarGen.Runtime.Json;

/// <summary>Writers used by generated code for collections.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonWrite
{
    // One writer per primitive, for the items of lists and maps: generated code passes these as method groups, not
    // lambdas. A lambda lives on its type's nested closure class, whose one instance NativeAOT then constructs; a
    // constructed nested class gives the outer type reflection metadata, its [JsonConverter] attribute and so its
    // reader: a call that only ever wrote a type carried its whole reader (226 Stripe types in the size app).

    /// <summary>Writes a string.</summary>
    public static void String(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    /// <summary>Writes a boolean.</summary>
    public static void Boolean(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a 32-bit integer.</summary>
    public static void Int32(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    /// <summary>Writes a 64-bit integer.</summary>
    public static void Int64(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes a float.</summary>
    public static void Single(Utf8JsonWriter writer, float value) => writer.WriteNumberValue(value);

    /// <summary>Writes a double.</summary>
    public static void Double(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    /// <summary>Writes a decimal.</summary>
    public static void Decimal(Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);

    /// <summary>Writes a GUID as a string.</summary>
    public static void Guid(Utf8JsonWriter writer, System.Guid value) => writer.WriteStringValue(value);

    /// <summary>Writes a date-time with its offset, ISO 8601.</summary>
    public static void DateTimeOffset(Utf8JsonWriter writer, System.DateTimeOffset value) => writer.WriteStringValue(value);

    /// <summary>Writes bytes as base64.</summary>
    public static void Bytes(Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);

    /// <summary>Writes raw JSON as it was read.</summary>
    public static void Element(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

#if NET7_0_OR_GREATER
    /// <summary>
    /// Writes a generated class, or null: one call where generated writers tested each optional member for null
    /// (Stripe's writers have 1,700 of these; the branch was 27 KB of its dll).
    /// </summary>
    public static void ObjectOrNull<T>(Utf8JsonWriter writer, T? value)
        where T : class, IJsonCodec<T>
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            T.WriteJson(writer, value);
        }
    }

    /// <summary>Writes a generated struct (an open enum, a checked value, a union), or null: see <see cref="ObjectOrNull{T}"/>.</summary>
    public static void ValueOrNull<T>(Utf8JsonWriter writer, T? value)
        where T : struct, IJsonCodec<T>
    {
        if (value is { } present)
        {
            T.WriteJson(writer, present);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
#endif

    /// <summary>
    /// Writes a sequence as a JSON array, or null for a null sequence: generated writers pass an optional collection
    /// straight here instead of testing it for null each (Stripe's writers have two thousand of them).
    /// </summary>
    public static void List<T>(Utf8JsonWriter writer, IEnumerable<T>? items, JsonWriteAction<T> writeItem)
    {
        if (items is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (T item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Writes an array of arrays, each inner item with <paramref name="writeItem"/> (a method group from generated code:
    /// see <see cref="JsonRead.ListOfLists{T}"/>).
    /// </summary>
    public static void ListOfLists<T>(Utf8JsonWriter writer, IEnumerable<IReadOnlyList<T>>? lists, JsonWriteAction<T> writeItem)
    {
        if (lists is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (IReadOnlyList<T> items in lists)
        {
            List(writer, items, writeItem);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a dictionary as a JSON object, in key order as stored, or null for a null dictionary.</summary>
    public static void Map<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>>? map, JsonWriteAction<T> writeValue)
    {
        if (map is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (KeyValuePair<string, T> pair in map)
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a dictionary of lists as a JSON object of arrays, each item by <paramref name="writeItem"/>: a method
    /// group in generated code, where a lambda writing the inner list would declare a closure class (see
    /// <see cref="JsonRead.MapOfLists{T}"/>).
    /// </summary>
    public static void MapOfLists<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, IReadOnlyList<T>>>? map, JsonWriteAction<T> writeItem)
    {
        if (map is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (KeyValuePair<string, IReadOnlyList<T>> pair in map)
        {
            writer.WritePropertyName(pair.Key);
            List(writer, pair.Value, writeItem);
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
