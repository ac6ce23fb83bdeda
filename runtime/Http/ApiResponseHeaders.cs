// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Net.Http;
using LiveAvatarGen.Runtime.Errors;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// The headers of a response, response and content headers together, as a read-only view keyed by name (ignoring
/// case). Operations whose spec declares response headers get a generated subclass with a typed property per header.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "Named for what it holds, as HttpResponseHeaders is.")]
public class ApiResponseHeaders : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    private static readonly Dictionary<string, IReadOnlyList<string>> s_none = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<string>> _values;

    /// <summary>Creates the view from name and values pairs, for example to return from a mock.</summary>
    /// <param name="headers">The headers; values of a name given twice are appended.</param>
    public ApiResponseHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        Dictionary<string, List<string>> values = new(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in headers ?? throw new ArgumentNullException(nameof(headers)))
        {
            if (!values.TryGetValue(header.Key, out List<string>? list))
            {
                list = new List<string>();
                values.Add(header.Key, list);
            }

            list.AddRange(header.Value);
        }

        _values = new Dictionary<string, IReadOnlyList<string>>(values.Count, StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, List<string>> pair in values)
        {
            _values.Add(pair.Key, pair.Value.ToArray());
        }
    }

    /// <summary>A typed view over the same headers (generated subclasses use it).</summary>
    /// <param name="headers">The untyped headers.</param>
    protected ApiResponseHeaders(ApiResponseHeaders headers)
    {
        _values = (headers ?? throw new ArgumentNullException(nameof(headers)))._values;
    }

    private ApiResponseHeaders(Dictionary<string, IReadOnlyList<string>> values)
    {
        _values = values;
    }

    /// <summary>No headers.</summary>
    public static ApiResponseHeaders Empty { get; } = new(s_none);

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    public IEnumerable<IReadOnlyList<string>> Values => _values.Values;

    /// <summary>The values of a header; throws <see cref="KeyNotFoundException"/> when it is absent.</summary>
    /// <param name="key">The header name (any case).</param>
    public IReadOnlyList<string> this[string key] => _values[key];

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

#if NET5_0_OR_GREATER
    /// <inheritdoc />
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out IReadOnlyList<string> value) => _values.TryGetValue(key, out value);
#else
    /// <inheritdoc />
    public bool TryGetValue(string key, out IReadOnlyList<string> value) => _values.TryGetValue(key, out value!);
#endif

    /// <summary>A header's value, several values joined with <c>", "</c> as HTTP combines them; null when absent.</summary>
    /// <param name="name">The header name (any case).</param>
    public string? GetValue(string name)
    {
        if (!_values.TryGetValue(name, out IReadOnlyList<string>? values) || values.Count == 0)
        {
            return null;
        }

        return values.Count == 1 ? values[0] : string.Join(", ", values);
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A declared integer header; null when absent.</summary>
    /// <param name="name">The header name.</param>
    /// <exception cref="ApiResponseFormatException">The value is not an integer.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected int? GetInt32(string name) => Parse(name, "a 32-bit integer", static (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

    /// <summary>A declared 64-bit integer header; null when absent.</summary>
    /// <param name="name">The header name.</param>
    /// <exception cref="ApiResponseFormatException">The value is not an integer.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected long? GetInt64(string name) => Parse(name, "an integer", static (string text, out long value) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

    /// <summary>A declared number header; null when absent.</summary>
    /// <param name="name">The header name.</param>
    /// <exception cref="ApiResponseFormatException">The value is not a number.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected double? GetDouble(string name) => Parse(name, "a number", static (string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value));

    /// <summary>A declared decimal header; null when absent.</summary>
    /// <param name="name">The header name.</param>
    /// <exception cref="ApiResponseFormatException">The value is not a number.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected decimal? GetDecimal(string name) => Parse(name, "a number", static (string text, out decimal value) => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value));

    /// <summary>A declared boolean header (<c>true</c> or <c>false</c>); null when absent.</summary>
    /// <param name="name">The header name.</param>
    /// <exception cref="ApiResponseFormatException">The value is not a boolean.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected bool? GetBoolean(string name) => Parse(name, "a boolean", static (string text, out bool value) => bool.TryParse(text, out value));

    /// <summary>A declared UUID header; null when absent.</summary>
    /// <param name="name">The header name.</param>
    /// <exception cref="ApiResponseFormatException">The value is not a UUID.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Guid? GetGuid(string name) => Parse(name, "a UUID", static (string text, out Guid value) => Guid.TryParse(text, out value));

    /// <summary>A declared date-time header, ISO 8601 or HTTP date; null when absent.</summary>
    /// <param name="name">The header name.</param>
    /// <exception cref="ApiResponseFormatException">The value is not a date-time.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected DateTimeOffset? GetDateTimeOffset(string name) => Parse(name, "a date-time", static (string text, out DateTimeOffset value) => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value));

    /// <summary>The headers of a response, copied: the view outlives the message.</summary>
    internal static ApiResponseHeaders From(HttpResponseMessage response)
    {
        Dictionary<string, IReadOnlyList<string>> values = new(StringComparer.OrdinalIgnoreCase);
        Add(values, response.Headers);
        if (response.Content is { } content)
        {
            Add(values, content.Headers);
        }

        return new ApiResponseHeaders(values);
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> values, System.Net.Http.Headers.HttpHeaders headers)
    {
        foreach (KeyValuePair<string, IEnumerable<string>> header in headers)
        {
            List<string> list = new(header.Value);
            if (values.TryGetValue(header.Key, out IReadOnlyList<string>? existing))
            {
                list.InsertRange(0, existing);
            }

            values[header.Key] = list.ToArray();
        }
    }

    private T? Parse<T>(string name, string what, TryParse<T> parse)
        where T : struct
    {
        if (GetValue(name) is not { } text)
        {
            return null;
        }

        return parse(text.Trim(), out T value)
            ? value
            : throw new ApiResponseFormatException("The response header '" + name + "' is not " + what + ": '" + text + "'.");
    }

    private delegate bool TryParse<T>(string text, out T value);
}
