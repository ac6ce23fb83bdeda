// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>
/// The client could not obtain an OAuth2 access token (client credentials flow), so the call was not sent: the token
/// endpoint answered with an error status, or with something that is not a token response, or could not be reached.
/// </summary>
/// <remarks>
/// The message and properties never contain the client secret; the server's <c>error_description</c> is kept with
/// any echo of the secret masked. Every caller waiting on the same token request receives this exception.
/// </remarks>
public sealed class ApiTokenException : ApiClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tokenEndpoint">The token endpoint asked.</param>
    /// <param name="statusCode">The status it answered with; null when no answer arrived.</param>
    /// <param name="error">The RFC 6749 <c>error</c> code it returned, if any.</param>
    /// <param name="errorDescription">Its <c>error_description</c>, if any.</param>
    /// <param name="reason">What went wrong, for the message.</param>
    /// <param name="innerException">The cause, if any (a transport failure, unreadable JSON).</param>
    public ApiTokenException(Uri tokenEndpoint, int? statusCode, string? error, string? errorDescription, string reason, Exception? innerException)
        : base(Describe(tokenEndpoint, error, errorDescription, reason), innerException)
    {
        TokenEndpoint = tokenEndpoint;
        StatusCode = statusCode;
        Error = error;
        ErrorDescription = errorDescription;
    }

    /// <summary>The token endpoint asked.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>The HTTP status the token endpoint answered with; null when no answer arrived.</summary>
#if NET5_0_OR_GREATER
    public new int? StatusCode { get; }
#else
    public int? StatusCode { get; }
#endif

    /// <summary>The RFC 6749 <c>error</c> code (<c>invalid_client</c>, <c>invalid_scope</c>, ...), when the answer had one.</summary>
    public string? Error { get; }

    /// <summary>The answer's <c>error_description</c>, when it had one.</summary>
    public string? ErrorDescription { get; }

    private static string Describe(Uri tokenEndpoint, string? error, string? errorDescription, string reason)
    {
        string where = tokenEndpoint.IsAbsoluteUri ? tokenEndpoint.GetLeftPart(UriPartial.Path) : tokenEndpoint.OriginalString;
        string detail = error is null ? string.Empty : " (" + error + (errorDescription is null ? string.Empty : ": " + errorDescription) + ")";
        return "No OAuth2 access token from " + where + ": " + reason + detail + ".";
    }
}
