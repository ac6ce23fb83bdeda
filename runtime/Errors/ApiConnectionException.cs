// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net.Http;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>
/// The connection failed before the whole response arrived: refused, reset, closed mid-body, or a body shorter
/// than its <c>Content-Length</c>. Through <see cref="ApiClientException"/> it derives from
/// <see cref="HttpRequestException"/>, so code that already catches that keeps working; on .NET 8 and later its
/// <c>HttpRequestException.HttpRequestError</c> is the transport's (for example <c>ConnectionError</c>). The message names the origin only, never the path or query (which may carry a key).
/// </summary>
public sealed class ApiConnectionException : ApiClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="origin">The scheme, host and port the request went to.</param>
    /// <param name="afterHeaders">True when the status line and headers had arrived and the body broke off.</param>
    /// <param name="innerException">The transport's exception (<see cref="HttpRequestException"/> or <see cref="System.IO.IOException"/>).</param>
    public ApiConnectionException(string origin, bool afterHeaders, Exception innerException)
#if NET8_0_OR_GREATER
        : base(BuildMessage(origin, afterHeaders), innerException, ErrorOf(innerException), null)
#else
        : base(BuildMessage(origin, afterHeaders), innerException)
#endif
    {
        Origin = origin;
        AfterHeaders = afterHeaders;
    }

    /// <summary>The scheme, host and port the request went to, such as <c>https://api.liveavatar.com</c>.</summary>
    public string Origin { get; }

    /// <summary>True when the response headers had arrived and the connection broke while the body was read.</summary>
    public bool AfterHeaders { get; }

#if NET8_0_OR_GREATER
    private static HttpRequestError ErrorOf(Exception innerException) => innerException switch
    {
        HttpRequestException request => request.HttpRequestError,
        HttpIOException io => io.HttpRequestError,
        _ => HttpRequestError.Unknown,
    };

#endif
    private static string BuildMessage(string origin, bool afterHeaders)
    {
        return afterHeaders
            ? "The connection to " + origin + " broke while the response body was read; the response is incomplete."
            : "The request to " + origin + " failed before a response arrived (connection refused, reset or closed).";
    }
}
