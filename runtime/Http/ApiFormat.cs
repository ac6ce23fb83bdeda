// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.ComponentModel;
using System.Globalization;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>Formats parameter values for paths, queries, headers and cookies: invariant culture, spec formats.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiFormat
{
    /// <summary>Formats a string.</summary>
    public static string Value(string value) => value;

    /// <summary>Formats a boolean as <c>true</c>/<c>false</c>.</summary>
    public static string Value(bool value) => value ? "true" : "false";

    /// <summary>Formats an integer.</summary>
    public static string Value(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats an integer.</summary>
    public static string Value(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a number in round-trip form.</summary>
    public static string Value(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a number in round-trip form.</summary>
    public static string Value(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a decimal exactly.</summary>
    public static string Value(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a UUID in its hyphenated form.</summary>
    public static string Value(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Formats a date-time in RFC 3339 form.</summary>
    public static string Value(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Formats a boolean, or gives null for null (an optional parameter the request then leaves out).</summary>
    public static string? Value(bool? value) => value is { } set ? Value(set) : null;

    /// <summary>Formats an integer, or gives null for null.</summary>
    public static string? Value(int? value) => value is { } set ? Value(set) : null;

    /// <summary>Formats an integer, or gives null for null.</summary>
    public static string? Value(long? value) => value is { } set ? Value(set) : null;

    /// <summary>Formats a number in round-trip form, or gives null for null.</summary>
    public static string? Value(double? value) => value is { } set ? Value(set) : null;

    /// <summary>Formats a number in round-trip form, or gives null for null.</summary>
    public static string? Value(float? value) => value is { } set ? Value(set) : null;

    /// <summary>Formats a decimal exactly, or gives null for null.</summary>
    public static string? Value(decimal? value) => value is { } set ? Value(set) : null;

    /// <summary>Formats a UUID in its hyphenated form, or gives null for null.</summary>
    public static string? Value(Guid? value) => value is { } set ? Value(set) : null;

    /// <summary>Formats a date-time in RFC 3339 form, or gives null for null.</summary>
    public static string? Value(DateTimeOffset? value) => value is { } set ? Value(set) : null;

    /// <summary>
    /// Escapes one path segment: every reserved character is percent-encoded, so <c>a/b?x=1</c> stays one segment.
    /// Empty, <c>.</c> and <c>..</c> are refused: System.Uri resolves dot segments even when percent-encoded,
    /// so no escaping keeps them from changing the request target.
    /// </summary>
    public static string PathSegment(string value)
    {
        if (value is null || value.Length == 0 || value is "." or "..")
        {
            throw new ArgumentException($"The path parameter value '{value}' would change the request target and was not sent.", nameof(value));
        }

        return Uri.EscapeDataString(value);
    }
}
