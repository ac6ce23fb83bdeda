// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// The OAuth2 client credentials grant (RFC 6749 section 4.4) of one security scheme, with its cached access token.
/// Generated options create one per scheme from their client id, secret, token URL and scopes, and keep it while
/// those stay the same, so every client built on the same options (with DI: every client the factory creates) shares
/// one cached token.
/// </summary>
/// <remarks>
/// A token is requested when none is cached or the cached one is within <see cref="ApiClientOptions.TokenRefreshMargin"/>
/// of expiry (at most half its lifetime before); concurrent callers share one token request. A failed request is not
/// cached: every caller waiting on it gets its <see cref="ApiTokenException"/>, and the next call tries again.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OAuth2ClientCredentials
{
    /// <summary>A lifetime longer than this (ten years) is taken as this, so adding it to a date never overflows.</summary>
    private const double MaxLifetimeSeconds = 315_360_000;

    private static readonly char[] s_space = { ' ' };
    private readonly object _gate = new();
    private readonly string _clientSecret;
    private CachedToken? _token;
    private Task<CachedToken>? _pending;

    /// <summary>Creates the grant.</summary>
    /// <param name="tokenUrl">The token endpoint: absolute, or relative to the client's base address.</param>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <param name="scopes">The scopes to request, separated by spaces; null or empty requests none.</param>
    /// <param name="authentication">How the client authenticates to the token endpoint.</param>
    public OAuth2ClientCredentials(Uri tokenUrl, string clientId, string clientSecret, string? scopes, OAuth2ClientAuthentication authentication)
    {
        TokenUrl = tokenUrl ?? throw new ArgumentNullException(nameof(tokenUrl));
        ClientId = clientId ?? throw new ArgumentNullException(nameof(clientId));
        _clientSecret = clientSecret ?? throw new ArgumentNullException(nameof(clientSecret));
        Scopes = NormalizeScopes(scopes);
        Authentication = authentication;
    }

    /// <summary>The token endpoint: absolute, or relative to the client's base address.</summary>
    public Uri TokenUrl { get; }

    /// <summary>The client id.</summary>
    public string ClientId { get; }

    /// <summary>The scopes requested, separated by single spaces; null when none is.</summary>
    public string? Scopes { get; }

    /// <summary>How the client authenticates to the token endpoint.</summary>
    public OAuth2ClientAuthentication Authentication { get; }

    /// <summary>Whether this grant was made from these settings (so its cached token still applies).</summary>
    public bool Matches(Uri tokenUrl, string clientId, string clientSecret, string? scopes, OAuth2ClientAuthentication authentication)
        => tokenUrl == TokenUrl
            && string.Equals(clientId, ClientId, StringComparison.Ordinal)
            && string.Equals(clientSecret, _clientSecret, StringComparison.Ordinal)
            && string.Equals(NormalizeScopes(scopes), Scopes, StringComparison.Ordinal)
            && authentication == Authentication;

    /// <summary>Scopes separated by single spaces, as RFC 6749 section 3.3 sends them; null for none.</summary>
    private static string? NormalizeScopes(string? scopes)
        => string.IsNullOrWhiteSpace(scopes) ? null : string.Join(" ", scopes!.Split(s_space, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Describes the grant without its secret.</summary>
    public override string ToString() => "OAuth2 client credentials { TokenUrl = " + TokenUrl.OriginalString + ", ClientId = " + ClientId + ", Scopes = " + (Scopes ?? "(none)") + ", secret hidden }";

    /// <summary>
    /// The cached access token while it is fresh, else a new one from the token endpoint; callers arriving while it is
    /// requested wait for that same request.
    /// </summary>
    /// <param name="httpClient">The client to send the token request with.</param>
    /// <param name="baseAddress">Resolves a relative token URL; called only then.</param>
    /// <param name="options">The clock, the refresh margin, the time limit and the body size limit.</param>
    /// <param name="cancellationToken">Stops this caller's wait; the request itself goes on for the others.</param>
    /// <exception cref="ApiTokenException">The token endpoint failed, answered an error, or answered no usable token.</exception>
    internal Task<string> GetAccessTokenAsync(HttpClient httpClient, Func<Uri> baseAddress, ApiClientOptions options, CancellationToken cancellationToken)
    {
        DateTimeOffset now = options.Clock.GetUtcNow();
        TaskCompletionSource<CachedToken>? mine = null;
        Task<CachedToken> pending;
        lock (_gate)
        {
            if (_token is { } cached && cached.IsFresh(now))
            {
                return Task.FromResult(cached.AccessToken);
            }

            if (_pending is null)
            {
                mine = new TaskCompletionSource<CachedToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending = mine.Task;
            }

            pending = _pending;
        }

        if (mine is not null)
        {
            // Started outside the lock; not bound to this caller's token, since other callers wait on it too.
            _ = RequestAndPublishAsync(mine, httpClient, baseAddress, options);
        }

        return WaitAsync(pending, cancellationToken);
    }

    /// <summary>
    /// Forgets the cached token if it is still <paramref name="accessToken"/>: the API refused it (401), so the next
    /// call requests a new one. A token already replaced is left alone, so many refusals of one token cost one request.
    /// </summary>
    /// <param name="accessToken">The token the API refused.</param>
    internal void Forget(string accessToken)
    {
        lock (_gate)
        {
            if (_token is { } cached && string.Equals(cached.AccessToken, accessToken, StringComparison.Ordinal))
            {
                _token = null;
            }
        }
    }

    private static async Task<string> WaitAsync(Task<CachedToken> pending, CancellationToken cancellationToken)
    {
        if (!pending.IsCompleted && cancellationToken.CanBeCanceled)
        {
            TaskCompletionSource<bool> cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(pending, cancelled.Task).ConfigureAwait(false) != pending)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }

        return (await pending.ConfigureAwait(false)).AccessToken;
    }

    private async Task RequestAndPublishAsync(TaskCompletionSource<CachedToken> completion, HttpClient httpClient, Func<Uri> baseAddress, ApiClientOptions options)
    {
        try
        {
            CachedToken token = await RequestAsync(httpClient, baseAddress, options).ConfigureAwait(false);
            lock (_gate)
            {
                _token = token;
                _pending = null;
            }

            completion.SetResult(token);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _pending = null;
            }

            completion.SetException(ex);

            // Observed here too, in case every waiter gave up (cancelled) before it failed.
            _ = completion.Task.Exception;
        }
    }

    private async Task<CachedToken> RequestAsync(HttpClient httpClient, Func<Uri> baseAddress, ApiClientOptions options)
    {
        Uri endpoint = TokenUrl.IsAbsoluteUri ? TokenUrl : new Uri(baseAddress(), TokenUrl);
        if (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)
        {
            throw new ApiTokenException(endpoint, null, null, null, "the token URL is not an http(s) URL", null);
        }

        DateTimeOffset requestedAt = options.Clock.GetUtcNow();
        TimeSpan margin = options.TokenRefreshMargin;
        using CancellationTokenSource? timeout = options.Timeout is { } limit ? new CancellationTokenSource(limit) : null;
        CancellationToken token = timeout?.Token ?? CancellationToken.None;
        using HttpRequestMessage request = BuildRequest(endpoint);
        try
        {
            using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            byte[] body = await ReadBodyAsync(response.Content, options.MaxResponseBodyBytes, endpoint, token).ConfigureAwait(false);
            return Accept(endpoint, (int)response.StatusCode, body, requestedAt, margin);
        }
        catch (OperationCanceledException ex)
        {
            // Only the time limit cancels this request: callers' own cancellation only ends their wait.
            throw new ApiTokenException(endpoint, null, null, null, "no answer within " + options.Timeout?.ToString() + " (or the HttpClient's own timeout)", ex);
        }
        catch (HttpRequestException ex) when (ex is not ApiClientException)
        {
            throw new ApiTokenException(endpoint, null, null, null, "the request failed (" + ex.Message + ")", ex);
        }
        catch (IOException ex)
        {
            throw new ApiTokenException(endpoint, null, null, null, "the answer broke off (" + ex.Message + ")", ex);
        }
    }

    /// <summary>The form POST of RFC 6749 section 4.4.2, authenticated as <see cref="Authentication"/> says.</summary>
    private HttpRequestMessage BuildRequest(Uri endpoint)
    {
        List<KeyValuePair<string, string>> fields = new() { new("grant_type", "client_credentials") };
        if (Scopes is not null)
        {
            fields.Add(new("scope", Scopes));
        }

        HttpRequestMessage request = new(HttpMethod.Post, endpoint);
        if (Authentication == OAuth2ClientAuthentication.Post)
        {
            fields.Add(new("client_id", ClientId));
            fields.Add(new("client_secret", _clientSecret));
        }
        else
        {
            // Section 2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
            string pair = FormEncode(ClientId) + ":" + FormEncode(_clientSecret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        request.Content = new FormUrlEncodedContent(fields);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+");

    private static async Task<byte[]> ReadBodyAsync(HttpContent? content, long limit, Uri endpoint, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return Array.Empty<byte>();
        }

#if NET5_0_OR_GREATER
        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using MemoryStream buffer = new();
        byte[] chunk = new byte[8192];
        int read;
#if NET5_0_OR_GREATER
        while ((read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
#else
        while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
#endif
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw new ApiTokenException(endpoint, null, null, null, "the answer is larger than MaxResponseBodyBytes (" + limit.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes)", null);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The token the answer carries, or the typed failure it is.</summary>
    private CachedToken Accept(Uri endpoint, int status, byte[] body, DateTimeOffset requestedAt, TimeSpan margin)
    {
        OAuth2TokenResponse? parsed = null;
        JsonException? unreadable = null;
        try
        {
            parsed = OAuth2TokenResponse.Read(body);
        }
        catch (JsonException ex)
        {
            unreadable = ex;
        }

        string statusText = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (status is < 200 or > 299)
        {
            string reason = status is >= 300 and < 400 ? "it answered " + statusText + " (a redirect, not followed with the client's credentials)" : "it answered " + statusText;
            throw new ApiTokenException(endpoint, status, Mask(parsed?.Error), Mask(parsed?.ErrorDescription), reason, null);
        }

        if (parsed is null)
        {
            throw new ApiTokenException(endpoint, status, null, null, "it answered " + statusText + " with a body that is not a JSON token response", unreadable);
        }

        if (string.IsNullOrEmpty(parsed.AccessToken))
        {
            throw new ApiTokenException(endpoint, status, Mask(parsed.Error), Mask(parsed.ErrorDescription), "it answered " + statusText + " without an access_token", null);
        }

        // RFC 6750 bearer tokens only; a server that leaves token_type out means bearer in practice.
        if (parsed.TokenType is { } type && !string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiTokenException(endpoint, status, null, null, "it answered a token of type '" + type + "', not a bearer token", null);
        }

        DateTimeOffset? refreshAt = null;
        if (parsed.ExpiresIn is { } seconds)
        {
            TimeSpan lifetime = TimeSpan.FromSeconds(Math.Max(0, Math.Min(seconds, MaxLifetimeSeconds)));
            TimeSpan early = margin < TimeSpan.Zero ? TimeSpan.Zero : (margin.Ticks > lifetime.Ticks / 2 ? TimeSpan.FromTicks(lifetime.Ticks / 2) : margin);
            refreshAt = requestedAt + lifetime - early;
        }

        return new CachedToken(parsed.AccessToken!, refreshAt);
    }

    /// <summary>Server text goes into the exception; a server that echoes the secret must not put it in a log.</summary>
    private string? Mask(string? text)
        => text is null || _clientSecret.Length == 0 ? text : text.Replace(_clientSecret, "***");

    /// <summary>An access token and when to stop using it; null when the server gave no lifetime (kept until a 401).</summary>
    private sealed class CachedToken
    {
        public CachedToken(string accessToken, DateTimeOffset? refreshAt)
        {
            AccessToken = accessToken;
            RefreshAt = refreshAt;
        }

        public string AccessToken { get; }

        public DateTimeOffset? RefreshAt { get; }

        public bool IsFresh(DateTimeOffset now) => RefreshAt is not { } due || now < due;
    }
}
