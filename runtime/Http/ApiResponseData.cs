// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Json;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>A response whose body has been read (within the size limit), handed to a generated response handler.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiResponseData
{
    private readonly ReadOnlyMemory<byte> _body;
    private readonly System.Net.Http.HttpResponseMessage? _message;
    private ApiResponseHeaders? _headers;

    /// <summary>Creates the response data.</summary>
    public ApiResponseData(int statusCode, ReadOnlyMemory<byte> body, string? contentType, TimeSpan? retryAfter)
    {
        StatusCode = statusCode;
        _body = body;
        ContentType = contentType;
        RetryAfter = retryAfter;
    }

    internal ApiResponseData(System.Net.Http.HttpResponseMessage message, ReadOnlyMemory<byte> body, string? contentType, TimeSpan? retryAfter)
        : this((int)message.StatusCode, body, contentType, retryAfter)
    {
        _message = message;
    }

    /// <summary>
    /// The response and content headers, copied on first use (only the <c>...WithResponse</c> handlers ask), so the
    /// copy outlives the message. Empty for data not read from a response.
    /// </summary>
    public ApiResponseHeaders Headers => _headers ??= _message is null ? ApiResponseHeaders.Empty : ApiResponseHeaders.From(_message);

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The media type of the body, if any.</summary>
    public string? ContentType { get; }

    /// <summary>The delay from <c>Retry-After</c>, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The raw body. It may live in a pooled buffer: valid only while the response handler runs, so copy what you keep.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>The body as a read-only stream (binary responses).</summary>
    public System.IO.Stream ReadStream() => new System.IO.MemoryStream(_body.ToArray(), writable: false);

    /// <summary>The body decoded as UTF-8 text.</summary>
    public string BodyText
    {
        get
        {
            if (_body.IsEmpty)
            {
                return string.Empty;
            }

            return System.Runtime.InteropServices.MemoryMarshal.TryGetArray(_body, out ArraySegment<byte> segment)
                ? Encoding.UTF8.GetString(segment.Array!, segment.Offset, segment.Count)
                : Encoding.UTF8.GetString(_body.ToArray());
        }
    }

    /// <summary>Parses the body with a generated reader. Malformed JSON and wrong shapes become <see cref="ApiResponseFormatException"/>.</summary>
    public T ReadJson<T>(JsonReadFunc<T> read) => Read(read, allowNull: false)!;

    /// <summary>
    /// <see cref="ReadJson{T}"/> for a body that may be JSON <c>null</c> (the schema allows it, or another success
    /// has no body): null for <c>null</c>, the generated reader otherwise. Handlers pass the type's reader as a method
    /// group rather than a lambda of their own that checks for null (a method and a cache field per handler).
    /// </summary>
    public T? ReadJsonOrNull<T>(JsonReadFunc<T> read)
        where T : class
        => Read(read, allowNull: true);

    private T? Read<T>(JsonReadFunc<T> read, bool allowNull)
    {
        if (_body.IsEmpty)
        {
            throw new ApiResponseFormatException("Expected a JSON body but the response body is empty.");
        }

        try
        {
            Utf8JsonReader reader = new(_body.Span, new JsonReaderOptions { MaxDepth = 256 });
            reader.Read();
            T? value = allowNull && reader.TokenType == JsonTokenType.Null ? default : JsonPaths.Read(ref reader, read);
            if (reader.Read())
            {
                throw new ApiResponseFormatException("Unexpected content after the JSON value.");
            }

            return value;
        }
        catch (JsonException ex)
        {
            throw new ApiResponseFormatException("The response body is not valid JSON: " + ex.Message, ex);
        }
    }

    /// <summary>The exception for an undocumented status code.</summary>
    public ApiException ToException()
    {
        return new ApiException(StatusCode, BodyText, RetryAfter);
    }

    /// <summary>
    /// The exception for a documented error status, carrying its typed body. Real servers often send error bodies in
    /// another shape than documented: then an untyped <see cref="ApiException"/> keeps the whole body and says why it
    /// is not the documented type (<see cref="ApiException.DocumentedBodyError"/>), instead of hiding the error.
    /// </summary>
    public ApiException ToException<TError>(JsonReadFunc<TError> read)
    {
        TError error;
        try
        {
            error = ReadJson(read);
        }
        catch (ApiDataException ex)
        {
            // The body lives in a pooled buffer only while the handler runs: the exception keeps a copy.
            return new ApiException(StatusCode, _body.ToArray(), ex, RetryAfter);
        }

        return new ApiException<TError>(StatusCode, BodyText, error, RetryAfter);
    }
}
