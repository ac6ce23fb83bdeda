// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net.Http;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>
/// Base of every exception a generated client throws because a call failed: an error status
/// (<see cref="ApiException"/>), a body that is not what the spec describes (<see cref="ApiDataException"/>), a
/// broken connection, a timeout, a refused redirect, a body over the size limit, or an envelope without data.
/// Catch it to handle any failure of a call in one clause.
/// </summary>
/// <remarks>
/// It derives from <see cref="HttpRequestException"/>, the type <see cref="HttpClient"/> itself reports failures with
/// (connection errors, and error statuses from <see cref="HttpResponseMessage.EnsureSuccessStatusCode"/>), so code
/// that catches that keeps catching a connection failure. Not derived from it: invalid arguments
/// (<see cref="ArgumentException"/>), a missing base address (<see cref="InvalidOperationException"/>) and the
/// caller's own cancellation (<see cref="OperationCanceledException"/>); those are not failures of the call.
/// </remarks>
public abstract class ApiClientException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message; it never contains a credential.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected ApiClientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

#if NET8_0_OR_GREATER
    /// <summary>Creates the exception with what <see cref="HttpRequestException"/> reports on .NET 8 and later.</summary>
    private protected ApiClientException(string message, Exception? innerException, HttpRequestError httpRequestError, System.Net.HttpStatusCode? statusCode)
        : base(httpRequestError, message, innerException, statusCode)
    {
    }
#endif
}
