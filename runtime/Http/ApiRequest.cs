// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LiveAvatarGen.Runtime.Json;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// A request under construction by a generated client method. Values are checked as they are added:
/// header and cookie values with CR or LF are refused, so a caller's data cannot inject headers.
/// The debugger display and <see cref="ToString"/> show the method and path only: headers, cookies and the query
/// may hold credentials.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiRequest
{
    // Created on first use: most calls have no query and no cookie.
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private List<KeyValuePair<string, string>>? _query;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private List<Header>? _headers;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private List<KeyValuePair<string, string>>? _cookies;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private byte[]? _jsonBody;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private string? _jsonMediaType;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private HttpContent? _content;

    /// <summary>Creates a request for an already escaped relative path such as <c>/v1/users/credits</c>.</summary>
    public ApiRequest(HttpMethod method, string escapedPath)
    {
        Method = method;
        EscapedPath = escapedPath;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The escaped path, relative to the base address.</summary>
    public string EscapedPath { get; }

    /// <summary>The operation's own server, when the spec declares one for the operation or its path; null for the document's.</summary>
    public ApiServer? Server { get; set; }

    /// <summary>The body, if any. A JSON body gets a fresh content object per message, so it can be re-sent on a redirect.</summary>
    public HttpContent? Content => _content ?? CreateJsonContent();

    /// <summary>True when a query parameter has been added.</summary>
    public bool HasQuery => _query is { Count: > 0 };

    /// <summary>True when the body can be sent more than once (none, or a JSON body); false for content set with <see cref="SetContent"/>.</summary>
    public bool CanResendBody => _content is null;

    /// <summary>True when a credential, an <c>Authorization</c> header or a cookie has been added: what must not cross origins.</summary>
    public bool HasCredentials
    {
        get
        {
            if (_cookies is { Count: > 0 })
            {
                return true;
            }

            if (_headers is not null)
            {
                foreach (Header header in _headers)
                {
                    if (header.IsCredential)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>Adds a query parameter; a null value adds nothing.</summary>
    public void AddQuery(string name, string? value)
    {
        if (value is not null)
        {
            (_query ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(name, value));
        }
    }

    /// <summary>Adds one query parameter per item (form style, exploded); null adds nothing, and so does a null item.</summary>
    public void AddQuery(string name, IEnumerable<string?>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (string? value in values)
        {
            AddQuery(name, value);
        }
    }

    /// <summary>
    /// Adds a <c>deepObject</c> array of strings, each item under its index (<c>expand[0]=a&amp;expand[1]=b</c>, see
    /// <see cref="ApiStyles.Indexed"/>); null adds nothing, and a null item is left out without a gap, as in a styled array. One call where the
    /// generated code had a loop per parameter (Stripe's 470 <c>expand</c> parameters).
    /// </summary>
    public void AddQueryIndexed(string name, IEnumerable<string?>? values)
    {
        if (values is not null)
        {
            ApiStyles.IndexedPairs(name, values, _query ??= new List<KeyValuePair<string, string>>());
        }
    }

    /// <summary>Adds a header; a null value adds nothing.</summary>
    public void AddHeader(string name, string? value)
    {
        if (value is not null)
        {
            (_headers ??= new List<Header>(2)).Add(new Header(name, CheckHeaderValue(name, value), IsCredentialHeaderName(name)));
        }
    }

    /// <summary>Adds a header that carries a credential (an API key); it is never sent to another origin on a redirect.</summary>
    public void AddCredentialHeader(string name, string? value)
    {
        if (value is not null)
        {
            (_headers ??= new List<Header>(2)).Add(new Header(name, CheckHeaderValue(name, value), true));
        }
    }

    /// <summary>Adds a cookie, sent in the <c>Cookie</c> header; a null value adds nothing.</summary>
    public void AddCookie(string name, string? value)
    {
        if (value is not null)
        {
            (_cookies ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(name, Uri.EscapeDataString(CheckHeaderValue(name, value))));
        }
    }

    /// <summary>Sets a JSON body written by a generated writer, sent with the spec's media type.</summary>
    public void SetJsonBody<T>(T value, JsonWriteAction<T> write, string mediaType = "application/json")
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer))
        {
            write(writer, value);
        }

        _jsonBody = buffer.ToArray();
        _jsonMediaType = mediaType;
        _content = null;
    }

    /// <summary>Sets any other body. Such a body is sent once: a redirect that must re-send it is not followed.</summary>
    public void SetContent(HttpContent content)
    {
        _content = content;
        _jsonBody = null;
    }

    /// <summary>Builds the message against a base address; the caller owns and disposes it.</summary>
    public HttpRequestMessage ToMessage(Uri baseAddress)
    {
        return ToMessage(BuildUri(baseAddress), Method, includeBody: true, includeCredentials: true);
    }

    /// <summary>
    /// Builds a message for <paramref name="requestUri"/> (the first target or a redirect's), optionally without the
    /// body (a redirect that turns into GET) and without credentials, <c>Authorization</c> and cookies (a redirect to
    /// another origin). The caller owns and disposes it.
    /// </summary>
    public HttpRequestMessage ToMessage(Uri requestUri, HttpMethod method, bool includeBody, bool includeCredentials)
    {
        HttpRequestMessage message = new(method, requestUri);
        if (includeBody)
        {
            message.Content = Content;
        }

        if (_headers is not null)
        {
            foreach (Header header in _headers)
            {
                if (includeCredentials || !header.IsCredential)
                {
                    AddHeader(message, header, includeBody);
                }
            }
        }

        if (_cookies is { Count: > 0 } && includeCredentials)
        {
            StringBuilder cookie = new();
            foreach (KeyValuePair<string, string> pair in _cookies)
            {
                if (cookie.Length > 0)
                {
                    cookie.Append("; ");
                }

                cookie.Append(pair.Key).Append('=').Append(pair.Value);
            }

            message.Headers.TryAddWithoutValidation("Cookie", cookie.ToString());
        }

        return message;
    }

    /// <summary>The method and path, without the query, headers or cookies (they may hold credentials).</summary>
    public override string ToString() => Method.Method + " " + EscapedPath;

    /// <summary>The absolute request URI: the base address, the escaped path, and the percent-encoded query.</summary>
    public Uri BuildUri(Uri baseAddress)
    {
        string root = baseAddress.AbsoluteUri;
        int rootLength = root.Length;
        while (rootLength > 0 && root[rootLength - 1] == '/')
        {
            rootLength--;
        }

        if (_query is null)
        {
            // The common case: one string, no builder.
#if NET5_0_OR_GREATER
            return new Uri(string.Concat(root.AsSpan(0, rootLength), EscapedPath.AsSpan()), UriKind.Absolute);
#else
            return new Uri(root.Substring(0, rootLength) + EscapedPath, UriKind.Absolute);
#endif
        }

        StringBuilder uri = new(root, 0, rootLength, rootLength + EscapedPath.Length + 64);
        uri.Append(EscapedPath);
        char separator = '?';
        foreach (KeyValuePair<string, string> pair in _query)
        {
            uri.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            separator = '&';
        }

        return new Uri(uri.ToString(), UriKind.Absolute);
    }

    /// <summary>True when a header of that name has been added, by a parameter or a credential.</summary>
    public bool HasHeader(string name)
    {
        if (_headers is not null)
        {
            foreach (Header header in _headers)
            {
                if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// HttpClient keeps Content-Type, Content-Range, Expires, Allow and the other entity headers on the content, and
    /// its request collection refuses them by returning false: such a header goes on the content, created empty when
    /// the request has no body, since that is the only way HttpClient sends it. A header that fits neither collection
    /// is refused loudly rather than left out.
    /// </summary>
    private static void AddHeader(HttpRequestMessage message, Header header, bool includeBody)
    {
        if (message.Headers.TryAddWithoutValidation(header.Name, header.Value))
        {
            return;
        }

        if (!includeBody)
        {
            // A redirect that drops the body drops what describes it.
            return;
        }

        HttpContent content = message.Content ??= new ByteArrayContent(Array.Empty<byte>());
        if (string.Equals(header.Name, "Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            // The transport frames the body by this value, so it must be a number; a value that disagrees with the
            // body makes HttpClient fail the send rather than corrupt the connection.
            content.Headers.ContentLength = long.TryParse(header.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long length)
                ? length
                : throw new FormatException($"The value for 'Content-Length' is not a whole number of bytes and was not sent.");
            return;
        }

        // The parameter's value replaces what the body set (a Content-Type or Content-Disposition of its own).
        content.Headers.Remove(header.Name);
        if (!content.Headers.TryAddWithoutValidation(header.Name, header.Value))
        {
            throw new InvalidOperationException($"The header '{header.Name}' cannot be sent by HttpClient (not a valid header name).");
        }
    }

    private static bool IsCredentialHeaderName(string name)
    {
        return string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase);
    }

    private ByteArrayContent? CreateJsonContent()
    {
        if (_jsonBody is null)
        {
            return null;
        }

        ByteArrayContent content = new(_jsonBody);
        content.Headers.ContentType = new MediaTypeHeaderValue(_jsonMediaType ?? "application/json");
        return content;
    }

    private static string CheckHeaderValue(string name, string value)
    {
        foreach (char c in value)
        {
            if (c is '\r' or '\n' or '\0')
            {
                throw new ArgumentException($"The value for '{name}' contains a CR, LF or NUL character and was not sent.", nameof(value));
            }
        }

        return value;
    }

    private readonly struct Header
    {
        public Header(string name, string value, bool isCredential)
        {
            Name = name;
            Value = value;
            IsCredential = isCredential;
        }

        public string Name { get; }

        public string Value { get; }

        public bool IsCredential { get; }
    }
}
