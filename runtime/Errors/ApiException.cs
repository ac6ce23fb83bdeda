// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>The server answered with a status code the operation does not treat as success.</summary>
public class ApiException : Exception
{
    /// <summary>Longest body excerpt kept on the exception.</summary>
    public const int MaxBodyExcerptLength = 4096;

    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="responseBody">The body as text; it is cut to <see cref="MaxBodyExcerptLength"/> characters.</param>
    /// <param name="retryAfter">The delay from a <c>Retry-After</c> header, if the server sent one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ApiException(int statusCode, string? responseBody, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(BuildMessage(statusCode, responseBody), innerException)
    {
        StatusCode = statusCode;
        ResponseBody = Truncate(responseBody);
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The status code as an enum value.</summary>
    public HttpStatusCode HttpStatusCode => (HttpStatusCode)StatusCode;

    /// <summary>The start of the response body, at most <see cref="MaxBodyExcerptLength"/> characters.</summary>
    public string? ResponseBody { get; }

    /// <summary>The delay the server asked for in <c>Retry-After</c>, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string? Truncate(string? body)
    {
        if (body is null || body.Length <= MaxBodyExcerptLength)
        {
            return body;
        }

        return body.Substring(0, MaxBodyExcerptLength) + "…";
    }

    private static string BuildMessage(int statusCode, string? body)
    {
        string status = statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(body))
        {
            return $"The server answered HTTP {status} with no body.";
        }

        string excerpt = body!.Length > 200 ? body.Substring(0, 200) + "…" : body;
        return $"The server answered HTTP {status}: {excerpt}";
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
