// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Text.Json;

namespace LiveAvatarGen.Runtime.Json;

// Writers of members and items that may be null: JSON null for null, else the primitive's writer (see JsonRead.OrNull.cs).
public static partial class JsonWrite
{
    /// <summary>Writes a string, or JSON null.</summary>
    public static void StringOrNull(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(value);
    }

    /// <summary>Writes a boolean, or JSON null.</summary>
    public static void BooleanOrNull(Utf8JsonWriter writer, bool? value)
    {
        if (value is { } known)
        {
            writer.WriteBooleanValue(known);
            return;
        }

        writer.WriteNullValue();
    }

    /// <summary>Writes a 32-bit integer, or JSON null.</summary>
    public static void Int32OrNull(Utf8JsonWriter writer, int? value)
    {
        if (value is { } known)
        {
            writer.WriteNumberValue(known);
            return;
        }

        writer.WriteNullValue();
    }

    /// <summary>Writes a 64-bit integer, or JSON null.</summary>
    public static void Int64OrNull(Utf8JsonWriter writer, long? value)
    {
        if (value is { } known)
        {
            writer.WriteNumberValue(known);
            return;
        }

        writer.WriteNullValue();
    }

    /// <summary>Writes a single-precision number, or JSON null.</summary>
    public static void SingleOrNull(Utf8JsonWriter writer, float? value)
    {
        if (value is { } known)
        {
            writer.WriteNumberValue(known);
            return;
        }

        writer.WriteNullValue();
    }

    /// <summary>Writes a double, or JSON null.</summary>
    public static void DoubleOrNull(Utf8JsonWriter writer, double? value)
    {
        if (value is { } known)
        {
            writer.WriteNumberValue(known);
            return;
        }

        writer.WriteNullValue();
    }

    /// <summary>Writes a decimal, or JSON null.</summary>
    public static void DecimalOrNull(Utf8JsonWriter writer, decimal? value)
    {
        if (value is { } known)
        {
            writer.WriteNumberValue(known);
            return;
        }

        writer.WriteNullValue();
    }

    /// <summary>Writes a UUID, or JSON null.</summary>
    public static void GuidOrNull(Utf8JsonWriter writer, System.Guid? value)
    {
        if (value is { } known)
        {
            writer.WriteStringValue(known);
            return;
        }

        writer.WriteNullValue();
    }

    /// <summary>Writes a date-time, or JSON null.</summary>
    public static void DateTimeOffsetOrNull(Utf8JsonWriter writer, System.DateTimeOffset? value)
    {
        if (value is { } known)
        {
            writer.WriteStringValue(known);
            return;
        }

        writer.WriteNullValue();
    }

    /// <summary>Writes base64 bytes, or JSON null.</summary>
    public static void BytesOrNull(Utf8JsonWriter writer, byte[]? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteBase64StringValue(value);
    }

    /// <summary>Writes any JSON value, or JSON null.</summary>
    public static void ElementOrNull(Utf8JsonWriter writer, JsonElement? value)
    {
        if (value is { } known)
        {
            known.WriteTo(writer);
            return;
        }

        writer.WriteNullValue();
    }
}
