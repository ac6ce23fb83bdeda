// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>
/// The server answered with a status code the operation does not treat as success. Like the exception
/// <see cref="System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode"/> throws, it is an
/// <see cref="System.Net.Http.HttpRequestException"/> (through <see cref="ApiClientException"/>).
/// </summary>
public class ApiException : ApiClientException
{
    /// <summary>Longest body excerpt kept on the exception.</summary>
    public const int MaxBodyExcerptLength = 4096;

    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="responseBody">The body as text; it is cut to <see cref="MaxBodyExcerptLength"/> characters.</param>
    /// <param name="retryAfter">The delay from a <c>Retry-After</c> header, if the server sent one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ApiException(int statusCode, string? responseBody, TimeSpan? retryAfter = null, Exception? innerException = null)
        : this(statusCode, responseBody, retryAfter, innerException, documentedBodyError: null)
    {
    }

    /// <summary>
    /// Creates the exception for an error response whose body the spec documents but that the server sent in another
    /// shape: the whole body is kept, and <paramref name="documentedBodyError"/> says why it could not be read.
    /// </summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="rawResponseBody">The whole body, as received.</param>
    /// <param name="documentedBodyError">Why the body is not the documented type (with the JSON path).</param>
    /// <param name="retryAfter">The delay from a <c>Retry-After</c> header, if the server sent one.</param>
    public ApiException(int statusCode, ReadOnlyMemory<byte> rawResponseBody, ApiDataException documentedBodyError, TimeSpan? retryAfter = null)
        : this(statusCode, Decode(rawResponseBody), retryAfter, documentedBodyError, documentedBodyError)
    {
        RawResponseBody = rawResponseBody;
    }

    private ApiException(int statusCode, string? responseBody, TimeSpan? retryAfter, Exception? innerException, ApiDataException? documentedBodyError)
#if NET8_0_OR_GREATER
        : base(BuildMessage(statusCode, responseBody, documentedBodyError), innerException, System.Net.Http.HttpRequestError.Unknown, (HttpStatusCode)statusCode)
#else
        : base(BuildMessage(statusCode, responseBody, documentedBodyError), innerException)
#endif
    {
        StatusCode = statusCode;
        ResponseBody = Truncate(responseBody);
        RetryAfter = retryAfter;
        DocumentedBodyError = documentedBodyError;
    }

    /// <summary>The HTTP status code.</summary>
    /// <remarks>
    /// On .NET 5 and later <c>HttpRequestException.StatusCode</c> (a nullable
    /// <see cref="System.Net.HttpStatusCode"/>) carries the same status, as after <c>EnsureSuccessStatusCode</c>.
    /// </remarks>
#if NET5_0_OR_GREATER
    public new int StatusCode { get; }
#else
    public int StatusCode { get; }
#endif

    /// <summary>The status code as an enum value.</summary>
    public HttpStatusCode HttpStatusCode => (HttpStatusCode)StatusCode;

    /// <summary>The start of the response body, at most <see cref="MaxBodyExcerptLength"/> characters.</summary>
    public string? ResponseBody { get; }

    /// <summary>The delay the server asked for in <c>Retry-After</c>, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// When the spec documents a body for this status and the server sent something else: why it could not be read
    /// as the documented type (the JSON path and what was found). Null otherwise.
    /// </summary>
    public ApiDataException? DocumentedBodyError { get; }

    /// <summary>
    /// The whole body as received (not cut like <see cref="ResponseBody"/>), when <see cref="DocumentedBodyError"/>
    /// is set, so a caller can read a shape the spec does not describe; empty otherwise.
    /// </summary>
    public ReadOnlyMemory<byte> RawResponseBody { get; }

    private static string Decode(ReadOnlyMemory<byte> body) => body.IsEmpty ? string.Empty : System.Text.Encoding.UTF8.GetString(body.ToArray());

    private static string? Truncate(string? body)
    {
        if (body is null || body.Length <= MaxBodyExcerptLength)
        {
            return body;
        }

        return body.Substring(0, MaxBodyExcerptLength) + "…";
    }

    private static string BuildMessage(int statusCode, string? body, ApiDataException? documentedBodyError)
    {
        string status = statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string shape = documentedBodyError is null ? string.Empty : $" (not the documented error body: {documentedBodyError.Message})";
        if (string.IsNullOrEmpty(body))
        {
            return $"The server answered HTTP {status} with no body{shape}.";
        }

        string excerpt = body!.Length > 200 ? body.Substring(0, 200) + "…" : body;
        return $"The server answered HTTP {status}{shape}: {excerpt}";
    }
}

/// <summary>The server answered with an error status the spec documents; <see cref="Error"/> is its typed body.</summary>
/// <typeparam name="TError">The documented error body, such as <c>HTTPValidationError</c>.</typeparam>
public sealed class ApiException<TError> : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiException(int statusCode, string? responseBody, TError error, TimeSpan? retryAfter = null)
        : base(statusCode, responseBody, retryAfter)
    {
        Error = error;
    }

    /// <summary>The parsed error body.</summary>
    public TError Error { get; }
}
