// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
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
/// </summary>
public sealed class ApiRequest
{
    private readonly List<KeyValuePair<string, string>> _query = new();
    private readonly List<KeyValuePair<string, string>> _headers = new();
    private readonly List<KeyValuePair<string, string>> _cookies = new();

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

    /// <summary>The body, if any.</summary>
    public HttpContent? Content { get; private set; }

    /// <summary>Adds a query parameter; a null value adds nothing.</summary>
    public void AddQuery(string name, string? value)
    {
        if (value is not null)
        {
            _query.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    /// <summary>Adds one query parameter per item (form style, exploded).</summary>
    public void AddQuery(string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (string value in values)
        {
            AddQuery(name, value);
        }
    }

    /// <summary>Adds a header; a null value adds nothing.</summary>
    public void AddHeader(string name, string? value)
    {
        if (value is not null)
        {
            _headers.Add(new KeyValuePair<string, string>(name, CheckHeaderValue(name, value)));
        }
    }

    /// <summary>Adds a cookie, sent in the <c>Cookie</c> header; a null value adds nothing.</summary>
    public void AddCookie(string name, string? value)
    {
        if (value is not null)
        {
            _cookies.Add(new KeyValuePair<string, string>(name, Uri.EscapeDataString(CheckHeaderValue(name, value))));
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

        ByteArrayContent content = new(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        Content = content;
    }

    /// <summary>Sets any other body.</summary>
    public void SetContent(HttpContent content)
    {
        Content = content;
    }

    /// <summary>Builds the message against a base address; the caller owns and disposes it.</summary>
    public HttpRequestMessage ToMessage(Uri baseAddress)
    {
        StringBuilder uri = new(baseAddress.AbsoluteUri.TrimEnd('/'));
        uri.Append(EscapedPath);
        char separator = '?';
        foreach (KeyValuePair<string, string> pair in _query)
        {
            uri.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            separator = '&';
        }

        HttpRequestMessage message = new(Method, new Uri(uri.ToString(), UriKind.Absolute));
        foreach (KeyValuePair<string, string> header in _headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (_cookies.Count > 0)
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

        message.Content = Content;
        return message;
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
}
