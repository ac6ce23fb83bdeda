// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LiveAvatarGen.Runtime.Json;

// Readers of members and items that may be JSON null: null for a null token, else the primitive's reader. Generated
// code calls these instead of spelling the check out per member (shorter code to compile) and passes them as method
// groups for nullable items (no lambda, so no closure class for NativeAOT to construct; see JsonWrite).
public static partial class JsonRead
{
    /// <summary>Reads a string, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string? StringOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : String(ref reader);

    /// <summary>Reads a boolean, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool? BooleanOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Boolean(ref reader);

    /// <summary>Reads a 32-bit integer, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? Int32OrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Int32(ref reader);

    /// <summary>Reads a 64-bit integer, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long? Int64OrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Int64(ref reader);

    /// <summary>Reads a single-precision number, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float? SingleOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Single(ref reader);

    /// <summary>Reads a double, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double? DoubleOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Double(ref reader);

    /// <summary>Reads a decimal, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? DecimalOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Decimal(ref reader);

    /// <summary>Reads a UUID, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Guid? GuidOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Guid(ref reader);

    /// <summary>Reads a date-time, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTimeOffset? DateTimeOffsetOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : DateTimeOffset(ref reader);

#if NET6_0_OR_GREATER
    /// <summary>Reads a full-date, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateOnly? DateOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Date(ref reader);
#endif

    /// <summary>Reads base64 bytes, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte[]? BytesOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Bytes(ref reader);

    /// <summary>Reads any JSON value, or null for JSON null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsonElement? ElementOrNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Element(ref reader);
}
