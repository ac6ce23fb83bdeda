// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>
/// The <see cref="System.Net.Http.HttpClient"/> followed a redirect to another origin by itself while the request
/// carried credentials (an API key, <c>Authorization</c> or cookies). The runtime follows redirects itself and drops
/// credentials across origins, but it cannot stop a handler that redirects on its own; it refuses the answer instead.
/// Create the client's handler with <see cref="Http.ApiHttp.CreateHandler"/> (or set <c>AllowAutoRedirect = false</c>).
/// </summary>
public sealed class ApiRedirectException : ApiClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fromOrigin">The origin the request was sent to.</param>
    /// <param name="toOrigin">The origin the handler redirected to.</param>
    public ApiRedirectException(string fromOrigin, string toOrigin)
        : base("The HttpClient followed a redirect from " + fromOrigin + " to " + toOrigin + " by itself, so the request's credentials may have been sent there; the answer was refused. "
            + "Create the HttpClient with ApiHttp.CreateHandler() (AllowAutoRedirect = false): the client then follows redirects itself and drops credentials across origins.", null)
    {
        FromOrigin = fromOrigin;
        ToOrigin = toOrigin;
    }

    /// <summary>The origin (scheme, host, port) the request was sent to.</summary>
    public string FromOrigin { get; }

    /// <summary>The origin the handler redirected to.</summary>
    public string ToOrigin { get; }
}
