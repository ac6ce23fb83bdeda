// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Net.Http;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// The recommended transport for generated clients: one handler shared by every call (so sockets are pooled, not
/// exhausted), automatic redirects off (the client follows them itself and drops credentials across origins), and
/// no cookie container (cookies are the ones the call sets, nothing a server planted).
/// </summary>
public static class ApiHttp
{
    /// <summary>How long a pooled connection is reused before it is replaced, so DNS changes are picked up.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Creates the recommended handler. Create it once and share it (or the HttpClient around it) for the application's lifetime.</summary>
    public static HttpMessageHandler CreateHandler()
    {
#if NET5_0_OR_GREATER
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = PooledConnectionLifetime,
        };
#else
        return new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
        };
#endif
    }

    /// <summary>Creates an HttpClient over <see cref="CreateHandler"/>. Keep one for the application's lifetime.</summary>
    public static HttpClient CreateClient()
    {
        return new HttpClient(CreateHandler(), disposeHandler: true);
    }
}
