// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LiveAvatarGen.Runtime.Json;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>A file for a multipart body: its content, name and media type.</summary>
public sealed class ApiFile
{
    /// <summary>Creates the file part; the stream is read when the request is sent and is not disposed by the client.</summary>
    public ApiFile(Stream content, string fileName, string? contentType = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        ContentType = contentType;
    }

    /// <summary>The bytes to send.</summary>
    public Stream Content { get; }

    /// <summary>The file name sent in Content-Disposition.</summary>
    public string FileName { get; }

    /// <summary>The part's media type; <c>application/octet-stream</c> when null.</summary>
    public string? ContentType { get; }
}

/// <summary>Non-JSON request bodies.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiContent
{
    /// <summary>A raw byte body (for example <c>application/octet-stream</c>); the stream is not disposed by the client.</summary>
    public static HttpContent Stream(Stream body, string mediaType)
    {
        StreamContent content = new(new NonClosingStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    /// <summary>A text body (for example <c>text/plain</c>), UTF-8 encoded.</summary>
    public static HttpContent Text(string body, string mediaType)
    {
        StringContent content = new(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Keeps the caller's stream open when the request message is disposed: the caller owns it.</summary>
    private sealed class NonClosingStream : Stream
    {
        private readonly Stream _inner;

        public NonClosingStream(Stream inner) => _inner = inner;

        public override bool CanRead => _inner.CanRead;

        public override bool CanSeek => _inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set => _inner.Position = value;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>An <c>application/x-www-form-urlencoded</c> body under construction.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiForm
{
    private readonly List<KeyValuePair<string, string>> _fields = new();

    /// <summary>Adds a field; a null value adds nothing.</summary>
    public void Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    /// <summary>
    /// Adds a field whose encoding sets no <c>style</c> or <c>explode</c>: OpenAPI then encodes it by its content type,
    /// so an object travels as JSON text, an array as one field per item, and a string or number as itself.
    /// </summary>
    public void AddValue(string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Null)
                {
                    Add(name, ApiStyles.Scalar(item));
                }
            }
        }
        else if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            Add(name, ApiStyles.Scalar(value));
        }
    }

    /// <summary>Adds a field whose encoding sets a <c>style</c> or <c>explode</c>: the pairs a query parameter of that style would give.</summary>
    public void AddStyled(string name, JsonElement value, string style, bool explode) => ApiStyles.Pairs(name, value, style, explode, _fields);

    /// <summary>
    /// As <see cref="AddStyled(string, JsonElement, string, bool)"/> for a generated object, map or list, written with
    /// <paramref name="write"/>; null adds nothing. One call per field where the generated code tested and converted
    /// each (Stripe's 575 object fields).
    /// </summary>
    public void AddStyled<T>(string name, T? value, JsonWriteAction<T> write, string style, bool explode)
        where T : class
    {
        if (value is not null)
        {
            AddStyled(name, ApiStyles.ToElement(value, write), style, explode);
        }
    }

    /// <summary>
    /// Adds a <c>deepObject</c> array of strings, each item under its index (<c>expand[0]=a</c>, see
    /// <see cref="ApiStyles.Indexed"/>); null adds nothing, and a null item is left out without a gap, as in a styled array.
    /// </summary>
    public void AddIndexed(string name, IEnumerable<string?>? values)
    {
        if (values is not null)
        {
            ApiStyles.IndexedPairs(name, values, _fields);
        }
    }

    /// <summary>Adds a file: a form cannot carry one, so this is refused.</summary>
    public void AddFile(string name, ApiFile file) => throw new NotSupportedException("A urlencoded form cannot carry the file field '" + name + "'.");

    /// <summary>The encoded body.</summary>
    /// <remarks>
    /// Every byte outside RFC 3986's unreserved set is percent-encoded, a space as <c>%20</c> rather than <c>+</c>:
    /// decoders read both, but a <c>+</c> is ambiguous inside OpenAPI's delimited styles (<c>spaceDelimited</c> joins
    /// with a space), and checkers such as Prism count it as a reserved character there.
    /// </remarks>
    public HttpContent ToContent()
    {
        StringBuilder body = new();
        foreach (KeyValuePair<string, string> field in _fields)
        {
            if (body.Length > 0)
            {
                body.Append('&');
            }

            AppendEscaped(body, field.Key);
            body.Append('=');
            AppendEscaped(body, field.Value);
        }

        ByteArrayContent content = new(Encoding.ASCII.GetBytes(body.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        const string Hex = "0123456789ABCDEF";
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            bool unreserved = b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';
            if (unreserved)
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }
    }
}

/// <summary>A <c>multipart/form-data</c> body under construction.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The content is handed to the request message, which disposes it.")]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiMultipart
{
    private readonly MultipartFormDataContent _content = new();

    /// <summary>Creates the body.</summary>
    public ApiMultipart(string mediaType)
    {
        MediaType = mediaType;
    }

    /// <summary>The body's media type.</summary>
    public string MediaType { get; }

    /// <summary>Adds a text field; a null value adds nothing.</summary>
    public void Add(string name, string? value) => Add(name, value, null);

    /// <summary>
    /// Adds a text field with the media type the spec's encoding gives it (<c>text/plain</c> when null); a null value
    /// adds nothing.
    /// </summary>
    public void Add(string name, string? value, string? contentType)
    {
        if (value is null)
        {
            return;
        }

        StringContent part = new(value, Encoding.UTF8);
        if (contentType is not null)
        {
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        }

        _content.Add(part);
        part.Headers.ContentDisposition = Disposition(name, null);
    }

    /// <summary>
    /// Adds a field whose encoding sets no <c>style</c> or <c>explode</c>: an object is one JSON part
    /// (<c>application/json</c> unless the encoding's <paramref name="contentType"/> says otherwise), an array one
    /// part per item, a string or number one text part.
    /// </summary>
    public void AddValue(string name, JsonElement value, string? contentType)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return;
            case JsonValueKind.Array:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    AddItem(name, item, contentType);
                }

                return;
            default:
                AddItem(name, value, contentType);
                return;
        }
    }

    /// <summary>Adds a field whose encoding sets a <c>style</c> or <c>explode</c>: one text part per pair a query parameter of that style would give.</summary>
    public void AddStyled(string name, JsonElement value, string style, bool explode)
    {
        List<KeyValuePair<string, string>> pairs = new();
        ApiStyles.Pairs(name, value, style, explode, pairs);
        foreach (KeyValuePair<string, string> pair in pairs)
        {
            Add(pair.Key, pair.Value);
        }
    }

    /// <summary>As <see cref="AddStyled(string, JsonElement, string, bool)"/> for a generated object, map or list, written with <paramref name="write"/>; null adds nothing.</summary>
    public void AddStyled<T>(string name, T? value, JsonWriteAction<T> write, string style, bool explode)
        where T : class
    {
        if (value is not null)
        {
            AddStyled(name, ApiStyles.ToElement(value, write), style, explode);
        }
    }

    /// <summary>Adds a file part.</summary>
    public void AddFile(string name, ApiFile file) => AddFile(name, file, null);

    /// <summary>Adds a file part; <paramref name="contentType"/>, the spec's encoding for the field, applies when the file has none.</summary>
    public void AddFile(string name, ApiFile file, string? contentType)
    {
        if (file is null)
        {
            throw new ArgumentNullException(nameof(file), "A list of files for '" + name + "' holds null.");
        }

        HttpContent part = ApiContent.Stream(file.Content, file.ContentType ?? contentType ?? "application/octet-stream");
        _content.Add(part);
        part.Headers.ContentDisposition = Disposition(name, file.FileName);
    }

    /// <summary>
    /// <c>form-data; name="…"; filename="…"</c> with both values quoted, as browsers and curl write them. .NET leaves
    /// simple values unquoted, which RFC 7578 allows but naive multipart parsers (Prism's among them) choke on, and
    /// refuses a quote inside a file name, which browsers send as <c>%22</c>.
    /// A non-ASCII file name also goes in <c>filename*</c> (RFC 5987), as .NET does.
    /// </summary>
    private static ContentDispositionHeaderValue Disposition(string name, string? fileName)
    {
        ContentDispositionHeaderValue disposition = new("form-data") { Name = Quote(name) };
        if (fileName is not null)
        {
            disposition.FileName = Quote(fileName);
            if (fileName.Any(c => c > 127))
            {
                disposition.FileNameStar = fileName;
            }
        }

        return disposition;
    }

    /// <summary>Quoted the way the HTML standard encodes form data: <c>"</c>, CR and LF percent-encoded, nothing else touched.</summary>
    private static string Quote(string value) => "\"" + value.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A") + "\"";

    /// <summary>The body.</summary>
    public HttpContent ToContent() => _content;

    private void AddItem(string name, JsonElement item, string? contentType)
    {
        if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            Add(name, item.GetRawText(), contentType ?? "application/json");
        }
        else if (item.ValueKind != JsonValueKind.Null)
        {
            Add(name, ApiStyles.Scalar(item), contentType);
        }
    }
}
