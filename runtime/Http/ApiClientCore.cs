// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// The transport shared by generated clients: resolves the base address, applies credentials, sends,
/// reads the body within the size limit and enforces the per-call timeout.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class ApiClientCore
{
    private readonly HttpClient _httpClient;
    private readonly ApiClientOptions _options;
    private readonly ApiServer? _defaultServer;
    private readonly Action<HttpRequestMessage, string>? _prepareRequest;
    private readonly Action<HttpResponseMessage, string>? _processResponse;
    private CachedUri? _lastUri;

    /// <summary>Creates the transport.</summary>
    /// <param name="httpClient">The client to send with; typically from <c>IHttpClientFactory</c>.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="specServerUrl">The spec's first server URL, used when neither the options nor the HttpClient set a base address.</param>
    public ApiClientCore(HttpClient httpClient, ApiClientOptions options, string? specServerUrl)
        : this(httpClient, options, specServerUrl, null, null)
    {
    }

    /// <summary>Creates the transport with hooks around each call.</summary>
    /// <param name="httpClient">The client to send with; typically from <c>IHttpClientFactory</c>.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="specServerUrl">The spec's first server URL, used when neither the options nor the HttpClient set a base address.</param>
    /// <param name="prepareRequest">Called with each finished request (credentials applied) and the operation's name, just before it is sent.</param>
    /// <param name="processResponse">Called with each response and the operation's name when its headers have arrived, before the body is read.</param>
    public ApiClientCore(HttpClient httpClient, ApiClientOptions options, string? specServerUrl, Action<HttpRequestMessage, string>? prepareRequest, Action<HttpResponseMessage, string>? processResponse)
        : this(httpClient, options, specServerUrl is null ? null : new ApiServer(specServerUrl), prepareRequest, processResponse)
    {
    }

    /// <summary>Creates the transport with the spec's first server, whose variables the options may set, and hooks around each call.</summary>
    /// <param name="httpClient">The client to send with; typically from <c>IHttpClientFactory</c>.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="specServer">The spec's first document-level server, used when neither the options nor the HttpClient set a base address.</param>
    /// <param name="prepareRequest">Called with each finished request (credentials applied) and the operation's name, just before it is sent.</param>
    /// <param name="processResponse">Called with each response and the operation's name when its headers have arrived, before the body is read.</param>
    public ApiClientCore(HttpClient httpClient, ApiClientOptions options, ApiServer? specServer, Action<HttpRequestMessage, string>? prepareRequest, Action<HttpResponseMessage, string>? processResponse)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _defaultServer = specServer;
        _prepareRequest = prepareRequest;
        _processResponse = processResponse;
    }

    /// <summary>The options in force.</summary>
    public ApiClientOptions Options => _options;

    /// <summary>The most redirects one call follows; the next 3xx is handed to the response handler (an <see cref="ApiException"/>).</summary>
    public const int MaxRedirects = 10;

    /// <summary>
    /// Sends a request and hands the read response to <paramref name="handle"/>. Redirects (301, 302, 303, 307, 308)
    /// are followed here, not by the handler: to the same origin with everything, to another origin without
    /// credentials, <c>Authorization</c> or cookies, and never from https to http.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="security">The alternatives of the operation's security requirement; the first whose credentials are all configured is applied.</param>
    /// <param name="handle">The generated response handler: returns the result or throws the documented exception.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<T> SendAsync<T>(ApiRequest request, IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> security, Func<ApiResponseData, T> handle, CancellationToken cancellationToken)
        => SendAsync(request, security, handle, string.Empty, cancellationToken);

    /// <summary>Sends a request for a named operation and hands the read response to <paramref name="handle"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="security">The alternatives of the operation's security requirement; the first whose credentials are all configured is applied.</param>
    /// <param name="handle">The generated response handler: returns the result or throws the documented exception.</param>
    /// <param name="operationName">The operation's name (the client method without <c>Async</c>), passed to the hooks.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<T> SendAsync<T>(ApiRequest request, IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> security, Func<ApiResponseData, T> handle, string operationName, CancellationToken cancellationToken)
    {
        ApplySecurity(request, security);
        Uri target = BuildTarget(request, ResolveBaseAddress(request));
        using CancellationTokenSource? timeoutSource = _options.Timeout is { } timeout ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        timeoutSource?.CancelAfter(_options.Timeout!.Value);
        CancellationToken token = timeoutSource?.Token ?? cancellationToken;
        try
        {
            HttpMethod method = request.Method;
            bool includeBody = true;
            bool includeCredentials = true;
            for (int redirects = 0; ; redirects++)
            {
                bool credentialsSent = includeCredentials && request.HasCredentials;
                using HttpRequestMessage message = request.ToMessage(target, method, includeBody, includeCredentials);
                _prepareRequest?.Invoke(message, operationName);
                HttpResponseMessage response;
                try
                {
                    response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                }
                catch (HttpRequestException ex) when (ex is not ApiClientException)
                {
                    throw ConnectionFailure(target, afterHeaders: false, ex, timeoutSource, cancellationToken);
                }

                using (response)
                {
                    _processResponse?.Invoke(response, operationName);

                    // A handler that follows redirects by itself has already re-sent every header; all that is left
                    // is to refuse the answer, loudly, when credentials may have crossed to another origin.
                    Uri? finalUri = response.RequestMessage?.RequestUri;
                    if (credentialsSent && finalUri is not null && finalUri.IsAbsoluteUri && !SameOrigin(target, finalUri))
                    {
                        throw new ApiRedirectException(Origin(target), Origin(finalUri));
                    }

                    if (redirects < MaxRedirects && GetRedirect(response, target) is { } next)
                    {
                        // 307 and 308 repeat the method and body; 303 (and 301/302 after a POST, as browsers do) turn into GET.
                        bool keepMethod = (int)response.StatusCode is 307 or 308;
                        bool bodyLost = keepMethod && includeBody && !request.CanResendBody;
                        if (!bodyLost)
                        {
                            if (!keepMethod && ((int)response.StatusCode == 303 || method == HttpMethod.Post))
                            {
                                method = method == HttpMethod.Head ? HttpMethod.Head : HttpMethod.Get;
                                includeBody = false;
                            }

                            includeCredentials &= SameOrigin(target, next);
                            target = next;
                            continue;
                        }

                        // A body set as raw HttpContent cannot be sent twice: the 3xx goes to the handler instead.
                    }

                    byte[]? rented = null;
                    try
                    {
                        int length;
                        try
                        {
                            (rented, length) = await ReadBodyAsync(response.Content, _options.MaxResponseBodyBytes, token).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (ex is IOException or HttpRequestException && ex is not ApiClientException)
                        {
                            throw ConnectionFailure(target, afterHeaders: true, ex, timeoutSource, cancellationToken);
                        }

                        ReadOnlyMemory<byte> body = rented is null ? ReadOnlyMemory<byte>.Empty : new ReadOnlyMemory<byte>(rented, 0, length);
                        ApiResponseData data = new((int)response.StatusCode, body, response.Content?.Headers.ContentType?.MediaType, GetRetryAfter(response.Headers.RetryAfter));
                        return handle(data);
                    }
                    finally
                    {
                        if (rented is not null)
                        {
                            ArrayPool<byte>.Shared.Return(rented);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException ex) when (timeoutSource is not null && !cancellationToken.IsCancellationRequested)
        {
            // Options.Timeout elapsed, or the HttpClient's own Timeout did: either way the caller did not cancel.
            throw new ApiTimeoutException(_options.Timeout!.Value, ex);
        }
    }

    private Exception ConnectionFailure(Uri target, bool afterHeaders, Exception ex, CancellationTokenSource? timeoutSource, CancellationToken cancellationToken)
    {
        // A cancelled read can surface as an I/O error; report it as what it is.
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException("The call was cancelled.", ex, cancellationToken);
        }

        if (timeoutSource is { IsCancellationRequested: true })
        {
            return new ApiTimeoutException(_options.Timeout!.Value, ex);
        }

        return new ApiConnectionException(Origin(target), afterHeaders, ex);
    }

    private static Uri? GetRedirect(HttpResponseMessage response, Uri current)
    {
        if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
        {
            return null;
        }

        if (!location.IsAbsoluteUri)
        {
            location = new Uri(current, location);
        }

        bool currentSecure = string.Equals(current.Scheme, "https", StringComparison.OrdinalIgnoreCase);
        if (!(string.Equals(location.Scheme, "https", StringComparison.OrdinalIgnoreCase) || (!currentSecure && string.Equals(location.Scheme, "http", StringComparison.OrdinalIgnoreCase))))
        {
            // Never from https to http, never to another scheme.
            return null;
        }

        return location;
    }

    private static bool SameOrigin(Uri a, Uri b)
    {
        return string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;
    }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// The request URI. Without a query it only depends on the base address and the path, so the last one is kept:
    /// repeated calls to the same operation parse no URI. <see cref="Uri"/> is immutable, so sharing it is safe.
    /// </summary>
    private Uri BuildTarget(ApiRequest request, Uri baseAddress)
    {
        if (request.HasQuery)
        {
            return request.BuildUri(baseAddress);
        }

        CachedUri? last = Volatile.Read(ref _lastUri);
        if (last is not null && ReferenceEquals(last.BaseAddress, baseAddress) && string.Equals(last.Path, request.EscapedPath, StringComparison.Ordinal))
        {
            return last.Uri;
        }

        Uri built = request.BuildUri(baseAddress);
        Volatile.Write(ref _lastUri, new CachedUri(baseAddress, request.EscapedPath, built));
        return built;
    }

    /// <summary>
    /// The most specific server wins: the operation's or its path's own (absolute, or relative to the document's base
    /// address), else the document's: the options' <see cref="ApiClientOptions.BaseAddress"/>, the HttpClient's, then
    /// the spec's first server with its variables resolved. BaseAddress stands for the document's servers only: an
    /// operation that declares another host (an upload host, a region) must not be sent to the main one.
    /// </summary>
    private Uri ResolveBaseAddress(ApiRequest request)
    {
        if (request.Server is { } own)
        {
            Uri server = own.Resolve(_options);
            return server.IsAbsoluteUri ? server : new Uri(DocumentBaseAddress(), server);
        }

        return DocumentBaseAddress();
    }

    private Uri DocumentBaseAddress()
    {
        if ((_options.BaseAddress ?? _httpClient.BaseAddress) is { } configured)
        {
            return configured;
        }

        Uri? server = _defaultServer?.Resolve(_options);
        return server is { IsAbsoluteUri: true }
            ? server
            : throw new InvalidOperationException("No base address: set ApiClientOptions.BaseAddress or HttpClient.BaseAddress (the spec's server URL is " + (server is null ? "missing" : "relative: '" + server.OriginalString + "'") + ").");
    }

    private void ApplySecurity(ApiRequest request, IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> alternatives)
    {
        foreach (IReadOnlyList<ApiSecurityScheme> alternative in alternatives)
        {
            bool complete = true;
            foreach (ApiSecurityScheme scheme in alternative)
            {
                complete &= _options.GetCredential(scheme.Name) is not null;
            }

            if (!complete)
            {
                continue;
            }

            foreach (ApiSecurityScheme scheme in alternative)
            {
                string credential = _options.GetCredential(scheme.Name)!;
                string header = scheme.Kind == ApiSecuritySchemeKind.ApiKeyHeader ? scheme.ParameterName : "Authorization";
                if (scheme.Kind is ApiSecuritySchemeKind.ApiKeyHeader or ApiSecuritySchemeKind.Bearer or ApiSecuritySchemeKind.Basic && request.HasHeader(header))
                {
                    // The spec also documents this header as a parameter and the caller passed it for this call: a
                    // second value would make the header invalid, and the explicit argument is the more specific.
                    continue;
                }

                switch (scheme.Kind)
                {
                    case ApiSecuritySchemeKind.ApiKeyHeader:
                        request.AddCredentialHeader(scheme.ParameterName, credential);
                        break;
                    case ApiSecuritySchemeKind.ApiKeyQuery:
                        request.AddQuery(scheme.ParameterName, credential);
                        break;
                    case ApiSecuritySchemeKind.ApiKeyCookie:
                        request.AddCookie(scheme.ParameterName, credential);
                        break;
                    case ApiSecuritySchemeKind.Bearer:
                        request.AddCredentialHeader("Authorization", "Bearer " + credential);
                        break;
                    case ApiSecuritySchemeKind.Basic:
                        request.AddCredentialHeader("Authorization", "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credential)));
                        break;
                }
            }

            return;
        }
    }

    private static TimeSpan? GetRetryAfter(RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter is null)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter.Date is { } date)
        {
            TimeSpan wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Reads the whole body into a pooled buffer (null when empty), never more than <paramref name="limit"/> bytes.</summary>
    private static async ValueTask<(byte[]? Buffer, int Length)> ReadBodyAsync(HttpContent? content, long limit, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return (null, 0);
        }

        long? declared = content.Headers.ContentLength;
        if (declared is { } tooLong && tooLong > limit)
        {
            throw new ApiResponseTooLargeException(limit);
        }

        if (declared == 0)
        {
            return (null, 0);
        }

#if NET5_0_OR_GREATER
        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        // The largest array .NET allows is a little under 2 GiB; a larger limit is capped there.
        int cap = (int)Math.Max(0, Math.Min(limit, 0x7FFFFFC7L));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(declared is { } exact ? (int)Math.Min(exact + 1, cap) : Math.Min(16 * 1024, cap));
        int length = 0;
        try
        {
            while (true)
            {
                int room = (int)Math.Min(buffer.Length - length, cap - (long)length);
                if (room == 0)
                {
                    if (length >= cap)
                    {
                        // Full at the limit: one more byte means the body is too large.
                        if (await ReadOneAsync(stream, cancellationToken).ConfigureAwait(false))
                        {
                            throw new ApiResponseTooLargeException(limit);
                        }

                        break;
                    }

                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }

#if NET5_0_OR_GREATER
                int read = await stream.ReadAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
#else
                int read = await stream.ReadAsync(buffer, length, room, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length == declared)
                {
                    // The transport enforces Content-Length framing: nothing more can follow.
                    break;
                }
            }

            if (declared is { } expected && length != expected)
            {
                throw new IOException("The response body ended after " + length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of the " + expected.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes its Content-Length announced.");
            }

            if (length == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, 0);
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static async Task<bool> ReadOneAsync(Stream stream, CancellationToken cancellationToken)
    {
        byte[] one = new byte[1];
#if NET5_0_OR_GREATER
        return await stream.ReadAsync(one.AsMemory(), cancellationToken).ConfigureAwait(false) > 0;
#else
        return await stream.ReadAsync(one, 0, 1, cancellationToken).ConfigureAwait(false) > 0;
#endif
    }

    private sealed class CachedUri
    {
        public CachedUri(Uri baseAddress, string path, Uri uri)
        {
            BaseAddress = baseAddress;
            Path = path;
            Uri = uri;
        }

        public Uri BaseAddress { get; }

        public string Path { get; }

        public Uri Uri { get; }
    }
}
