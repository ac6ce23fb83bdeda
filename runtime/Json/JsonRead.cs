// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LiveAvatarGen.Runtime.Errors;

namespace LiveAvatarGen.Runtime.Json;

/// <summary>
/// Token readers used by generated code. Each checks the token type first and throws
/// <see cref="ApiResponseFormatException"/> on a mismatch, so a wrong shape never surfaces as
/// <see cref="InvalidOperationException"/> or <see cref="FormatException"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonRead
{
    /// <summary>Checks that the reader is at the start of an object.</summary>
    public static void StartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, "an object (" + typeName + ")");
        }
    }

    /// <summary>
    /// Whether the reader is at a JSON null. Generated readers call this rather than compare <c>TokenType</c> themselves:
    /// Roslyn binds an <c>==</c> between enum values through full operator overload resolution, several times slower to
    /// compile than a call (docs/performance.md); inlined, reading costs the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>
    /// Scans the object at the reader's current token for a string member, leaving the reader at its value. Pass a copy
    /// of the reader (it is a struct): the original stays where it was, so the object can then be read as the class the
    /// member names. False when the token is not an object, or the member is absent or not a string.
    /// </summary>
    public static bool FindString(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool found = reader.ValueTextEquals(name);
            if (!reader.Read())
            {
                return false;
            }

            if (found && reader.TokenType == JsonTokenType.String)
            {
                return true;
            }

            if (!reader.TrySkip())
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Skips the value of a property the type does not know: unknown members are tolerated.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>Reads a string.</summary>
    public static string String(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(ref reader, "a string");
        }

        return reader.GetString()!;
    }

    /// <summary>Reads a boolean.</summary>
    public static bool Boolean(ref Utf8JsonReader reader)
    {
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Unexpected(ref reader, "a boolean"),
        };
    }

    /// <summary>Reads a 32-bit integer.</summary>
    public static int Int32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int value))
        {
            throw Unexpected(ref reader, "a 32-bit integer");
        }

        return value;
    }

    /// <summary>Reads a 64-bit integer.</summary>
    public static long Int64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long value))
        {
            throw Unexpected(ref reader, "a 64-bit integer");
        }

        return value;
    }

    /// <summary>Reads a double.</summary>
    public static double Double(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double value))
        {
            throw Unexpected(ref reader, "a number");
        }

        return value;
    }

    /// <summary>Reads a single-precision number.</summary>
    public static float Single(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetSingle(out float value))
        {
            throw Unexpected(ref reader, "a number");
        }

        return value;
    }

    /// <summary>Reads a decimal exactly from the number's text.</summary>
    public static decimal Decimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out decimal value))
        {
            throw Unexpected(ref reader, "a decimal number");
        }

        return value;
    }

    /// <summary>Reads a UUID string.</summary>
    public static Guid Guid(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetGuid(out Guid value))
        {
            throw Unexpected(ref reader, "a UUID string");
        }

        return value;
    }

    /// <summary>Reads an RFC 3339 date-time string.</summary>
    public static DateTimeOffset DateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(ref reader, "a date-time string");
        }

        // Servers often omit the offset (Python's isoformat()): read those as UTC, never as the machine's local
        // time, which Utf8JsonReader.TryGetDateTimeOffset would assume. The fast path parses the UTF-8 bytes without
        // allocating; anything it does not take goes through the lenient string parse below.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> raw = reader.ValueSpan;
            if (HasOffset(raw))
            {
                if (reader.TryGetDateTimeOffset(out DateTimeOffset withOffset))
                {
                    return withOffset;
                }
            }
            else if (reader.TryGetDateTime(out DateTime local) && local.Kind == DateTimeKind.Unspecified)
            {
                return new DateTimeOffset(local, TimeSpan.Zero);
            }
        }

        string text = reader.GetString()!;
        if (System.DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value))
        {
            return value;
        }

        throw new ApiResponseFormatException("Expected a date-time string but found " + ApiValidationException.Shorten(text) + ".");
    }

    /// <summary>True when an ISO 8601 date-time ends in <c>Z</c> or a <c>+hh:mm</c>/<c>-hh:mm</c> offset after its time part.</summary>
    private static bool HasOffset(ReadOnlySpan<byte> text)
    {
        int time = text.IndexOf((byte)'T');
        if (time < 0)
        {
            time = text.IndexOf((byte)'t');
        }

        if (time < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = text.Slice(time + 1);
        return rest.IndexOfAny((byte)'Z', (byte)'z') >= 0 || rest.IndexOfAny((byte)'+', (byte)'-') >= 0;
    }

#if NET6_0_OR_GREATER
    /// <summary>Reads an RFC 3339 full-date string (<c>2026-11-24</c>).</summary>
    public static DateOnly Date(ref Utf8JsonReader reader)
    {
        string text = String(ref reader);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly value))
        {
            return value;
        }

        throw new ApiResponseFormatException("Expected a date string (yyyy-MM-dd) but found " + ApiValidationException.Shorten(text) + ".");
    }
#endif

    /// <summary>Reads base64 bytes.</summary>
    public static byte[] Bytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetBytesFromBase64(out byte[]? value))
        {
            throw Unexpected(ref reader, "a base64 string");
        }

        return value;
    }

    /// <summary>Reads any JSON value as a detached <see cref="JsonElement"/>.</summary>
    public static JsonElement Element(ref Utf8JsonReader reader)
    {
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>
    /// Reads a member the type does not declare into <paramref name="members"/>, created on first use. The reader is
    /// at the property name; <paramref name="property"/> is set before the value is read, so an error in the value
    /// is reported at this member. One call instead of the same lines in every generated type.
    /// </summary>
    public static void Member(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? members, out string property)
    {
        property = reader.GetString()!;
        reader.Read();
        (members ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[property] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>Reads an undeclared member whose values have a type (a schema's <c>additionalProperties</c> type).</summary>
    public static void Member<T>(ref Utf8JsonReader reader, ref Dictionary<string, T>? members, out string property, JsonReadFunc<T> readValue)
    {
        property = reader.GetString()!;
        reader.Read();
        (members ??= new Dictionary<string, T>(StringComparer.Ordinal))[property] = readValue(ref reader);
    }

    /// <summary>Reads an array, item by item, adding the index to the path of any error.</summary>
    public static List<T> List<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
        => ListOf<T, ReadWith<T>>(ref reader, new ReadWith<T>(readItem));

    /// <summary>
    /// Reads an array whose items are arrays, each inner item read by <paramref name="readItem"/>: a method group from
    /// generated code, for the reason given on <see cref="MapOfLists{T}"/>.
    /// </summary>
    public static List<IReadOnlyList<T>> ListOfLists<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
        => ListOf<IReadOnlyList<T>, ReadList<T>>(ref reader, new ReadList<T>(readItem));

    private static List<TItem> ListOf<TItem, TReader>(ref Utf8JsonReader reader, TReader readItem)
        where TReader : struct, IJsonValueReader<TItem>
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        List<TItem> items = new();
        while (true)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return items;
            }

            items.Add(readItem.Read(ref reader));
        }
    }

    /// <summary>Reads an object with arbitrary keys into a dictionary, keeping the document's order.</summary>
    public static Dictionary<string, T> Map<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readValue)
        => MapOf<T, ReadWith<T>>(ref reader, new ReadWith<T>(readValue));

    /// <summary>
    /// Reads an object whose values are arrays, each item read by <paramref name="readItem"/>. Generated code passes
    /// a method group here: a lambda reading the inner list would declare a closure class, which NativeAOT treats as
    /// a reason to keep the declaring type's converter, reader and writer.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<T>> MapOfLists<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
        => MapOf<IReadOnlyList<T>, ReadList<T>>(ref reader, new ReadList<T>(readItem));

    private static Dictionary<string, TValue> MapOf<TValue, TReader>(ref Utf8JsonReader reader, TReader readValue)
        where TReader : struct, IJsonValueReader<TValue>
    {
        StartObject(ref reader, "map");
        Dictionary<string, TValue> map = new(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            string key = reader.GetString()!;
            reader.Read();
            map[key] = readValue.Read(ref reader);
        }

        return map;
    }

    /// <summary>The error for a property that must be present but is not.</summary>
    public static ApiResponseFormatException MissingProperty(string jsonName, string typeName)
    {
        return new ApiResponseFormatException($"Required property '{jsonName}' of {typeName} is missing.");
    }

    /// <summary>
    /// The error for the first of <paramref name="jsonNames"/> (required members, in order) whose bit in
    /// <paramref name="seen"/> is clear: bit <c>i</c> is set when the <c>i</c>-th of them was read.
    /// </summary>
    public static ApiResponseFormatException MissingProperty(int seen, string typeName, params string[] jsonNames)
    {
        int missing = 0;
        while (missing < jsonNames.Length - 1 && (seen & (1 << missing)) != 0)
        {
            missing++;
        }

        return MissingProperty(jsonNames[missing], typeName);
    }

    /// <summary>The error for a JSON null where the spec does not allow one.</summary>
    public static ApiResponseFormatException UnexpectedNull(string expected)
    {
        return new ApiResponseFormatException($"Expected {expected} but found null.");
    }

    /// <summary>The error for a token of the wrong type.</summary>
    public static ApiResponseFormatException Unexpected(ref Utf8JsonReader reader, string expected)
    {
        return new ApiResponseFormatException($"Expected {expected} but found {Describe(ref reader)}.");
    }

    private static string Describe(ref Utf8JsonReader reader)
    {
        return reader.TokenType switch
        {
            JsonTokenType.String => "the string " + ApiValidationException.Shorten(reader.GetString()),
            JsonTokenType.Number => "the number " + Truncate(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray())),
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            _ => reader.TokenType.ToString(),
        };
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}
