// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Telemetry;

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
    private static readonly char[] s_ampersand = { '&' };

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
        => CallAsync(request, security, handle, null, cancellationToken);

    /// <summary>The call: the one async method, so a call allocates one state machine (telemetry included).</summary>
    /// <remarks><paramref name="operation"/> gives its name to the hooks and the rest to telemetry; null for a call of no operation.</remarks>
    private async Task<T> CallAsync<T>(ApiRequest request, IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> security, Func<ApiResponseData, T> handle, ApiOperation? operation, CancellationToken cancellationToken)
    {
        string operationName = operation?.Name ?? string.Empty;
        CallTelemetry telemetry = StartTelemetry(operation, request);
        try
        {
            SentToken? sentToken = await ApplySecurityAsync(request, security, cancellationToken).ConfigureAwait(false);
            Hop hop = new(BuildTarget(request, ResolveBaseAddress(request)), request.Method, includeBody: true, includeCredentials: true);
            telemetry.Target(hop.Target);
            using CallScope call = new(_options.Timeout, cancellationToken);
            try
            {
                for (int redirects = 0; ; redirects++)
                {
                    using HttpRequestMessage message = StartRequest(request, hop, operationName);
                    HttpResponseMessage sent;
                    try
                    {
                        sent = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, call.Token).ConfigureAwait(false);
                    }
                    catch (HttpRequestException ex) when (ex is not ApiClientException)
                    {
                        throw call.ConnectionFailure(hop.Target, afterHeaders: false, ex);
                    }

                    using HttpResponseMessage response = sent;
                    if (hop.IncludeCredentials)
                    {
                        sentToken?.ForgetIfRefused(response);
                    }

                    if (NextHop(request, hop, response, redirects, operationName) is { } next)
                    {
                        hop = next;
                        continue;
                    }

                    telemetry.Responded((int)response.StatusCode);
                    (byte[]? rented, int length) = await ReadBodyAsync(response.Content, _options.MaxResponseBodyBytes, hop.Target, call).ConfigureAwait(false);
                    return Dispatch(response, rented, length, handle);
                }
            }
            catch (OperationCanceledException ex) when (call.IsTimeout)
            {
                // Options.Timeout elapsed, or the HttpClient's own Timeout did: either way the caller did not cancel.
                throw new ApiTimeoutException(call.Timeout!.Value, ex);
            }
        }
        catch (Exception ex) when (telemetry.Failed(ex))
        {
            // Never reached: the filter only notes the exception for the span and the metric.
            throw;
        }
        finally
        {
            telemetry.Stop();
        }
    }

    /// <summary>Builds the message for one request of the call and lets the client's <c>PrepareRequest</c> hook see it.</summary>
    private HttpRequestMessage StartRequest(ApiRequest request, Hop hop, string operationName)
    {
        HttpRequestMessage message = request.ToMessage(hop.Target, hop.Method, hop.IncludeBody, hop.IncludeCredentials);
        try
        {
            _prepareRequest?.Invoke(message, operationName);
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Decides what follows a response whose headers arrived: the client's <c>ProcessResponse</c> hook sees it, a
    /// handler's own cross-origin redirect is refused, and a redirect the runtime follows gives the next request.
    /// Null when this response is the one to hand to the generated handler.
    /// </summary>
    private Hop? NextHop(ApiRequest request, Hop hop, HttpResponseMessage response, int redirects, string operationName)
    {
        _processResponse?.Invoke(response, operationName);
        RefuseHandlerRedirect(response, hop.Target, credentialsSent: hop.IncludeCredentials && request.HasCredentials);
        return redirects < MaxRedirects ? FollowRedirect(response, hop, request) : null;
    }

    /// <summary>Runs the generated handler over the body, then gives the pooled buffer back.</summary>
    private static T Dispatch<T>(HttpResponseMessage response, byte[]? rented, int length, Func<ApiResponseData, T> handle)
    {
        try
        {
            return handle(ToResponseData(response, rented, length));
        }
        finally
        {
            ReturnToPool(rented);
        }
    }

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

    /// <summary>
    /// A GET for a next-page link an answer gave (absolute, or relative to the base address), for auto-paging. A link
    /// to another origin than the base address is refused: the client's credentials would go with it.
    /// </summary>
    /// <exception cref="ApiResponseFormatException">The link leaves the base address's origin.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public ApiRequest LinkRequest(string link)
    {
        Uri baseAddress = DocumentBaseAddress();
        Uri target = new(baseAddress, link);
        if (!string.Equals(target.GetLeftPart(UriPartial.Authority), baseAddress.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiResponseFormatException("The next-page link leads to " + target.GetLeftPart(UriPartial.Authority) + ", another origin than the client's; it is not followed, so credentials stay where they belong.");
        }

        ApiRequest request = new(HttpMethod.Get, target.AbsolutePath) { Server = new ApiServer(target.GetLeftPart(UriPartial.Authority)) };
        string query = target.Query.TrimStart('?');
        foreach (string pair in query.Split(s_ampersand, StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            string name = Uri.UnescapeDataString((equals < 0 ? pair : pair.Substring(0, equals)).Replace('+', ' '));
            string value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
            request.AddQuery(name, value);
        }

        return request;
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

    /// <summary>Applies the first alternative whose credentials are all configured; returns the OAuth2 token it sent, if any.</summary>
    private async ValueTask<SentToken?> ApplySecurityAsync(ApiRequest request, IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> alternatives, CancellationToken cancellationToken)
    {
        foreach (IReadOnlyList<ApiSecurityScheme> alternative in alternatives)
        {
            bool complete = true;
            foreach (ApiSecurityScheme scheme in alternative)
            {
                complete &= HasCredential(scheme);
            }

            if (!complete)
            {
                continue;
            }

            SentToken? sentToken = null;
            foreach (ApiSecurityScheme scheme in alternative)
            {
                string? credential = _options.GetCredential(scheme.Name);
                string header = scheme.Kind == ApiSecuritySchemeKind.ApiKeyHeader ? scheme.ParameterName : "Authorization";
                if (scheme.Kind is ApiSecuritySchemeKind.ApiKeyHeader or ApiSecuritySchemeKind.Bearer or ApiSecuritySchemeKind.Basic && request.HasHeader(header))
                {
                    // The spec also documents this header as a parameter and the caller passed it for this call: a
                    // second value would make the header invalid, and the explicit argument is the more specific.
                    continue;
                }

                if (credential is null)
                {
                    // No token set in the options: the scheme's client credentials grant supplies one.
                    sentToken = await FetchTokenAsync(scheme, cancellationToken).ConfigureAwait(false);
                    credential = sentToken.AccessToken;
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

            return sentToken;
        }

        return null;
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

    /// <summary>
    /// One call's cancellation: the caller's token, linked with <see cref="ApiClientOptions.Timeout"/> when one is
    /// set. It tells a timeout from the caller's cancellation when an exception arrives.
    /// </summary>
    private readonly struct CallScope : IDisposable
    {
        private readonly CancellationTokenSource? _timeoutSource;

        public CallScope(TimeSpan? timeout, CancellationToken callerToken)
        {
            Timeout = timeout;
            CallerToken = callerToken;
            if (timeout is { } limit)
            {
                _timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
                _timeoutSource.CancelAfter(limit);
            }
            else
            {
                _timeoutSource = null;
            }
        }

        /// <summary>The timeout in force for this call, if any.</summary>
        public TimeSpan? Timeout { get; }

        /// <summary>The caller's own token.</summary>
        public CancellationToken CallerToken { get; }

        /// <summary>The token to pass on: the caller's, or the caller's linked with the timeout.</summary>
        public CancellationToken Token => _timeoutSource?.Token ?? CallerToken;

        /// <summary>
        /// Whether a cancellation now means the time ran out: a timeout is set and the caller did not cancel (the
        /// HttpClient's own Timeout, when it fires first, counts as this timeout too).
        /// </summary>
        public bool IsTimeout => _timeoutSource is not null && !CallerToken.IsCancellationRequested;

        /// <summary>What a transport failure is: a cancelled read can surface as an I/O error, so report it as what it is.</summary>
        public Exception ConnectionFailure(Uri target, bool afterHeaders, Exception ex)
        {
            if (CallerToken.IsCancellationRequested)
            {
                return new OperationCanceledException("The call was cancelled.", ex, CallerToken);
            }

            if (_timeoutSource is { IsCancellationRequested: true })
            {
                return new ApiTimeoutException(Timeout!.Value, ex);
            }

            return new ApiConnectionException(Origin(target), afterHeaders, ex);
        }

        public void Dispose() => _timeoutSource?.Dispose();
    }
}
