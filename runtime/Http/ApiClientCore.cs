// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
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
public sealed partial class ApiClientCore
{
    private readonly HttpClient _httpClient;
    private readonly ApiClientOptions _options;
    private readonly Uri? _defaultBaseAddress;
    private readonly Action<HttpRequestMessage, string>? _prepareRequest;
    private readonly Action<HttpResponseMessage, string>? _processResponse;

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
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (specServerUrl is not null && Uri.TryCreate(specServerUrl, UriKind.Absolute, out Uri? server))
        {
            _defaultBaseAddress = server;
        }

        _prepareRequest = prepareRequest;
        _processResponse = processResponse;
    }

    /// <summary>The options in force.</summary>
    public ApiClientOptions Options => _options;

    /// <summary>Sends a request and hands the read response to <paramref name="handle"/>.</summary>
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
        using CancellationTokenSource? timeoutSource = _options.Timeout is { } timeout ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        timeoutSource?.CancelAfter(_options.Timeout!.Value);
        CancellationToken token = timeoutSource?.Token ?? cancellationToken;
        try
        {
            using HttpRequestMessage message = request.ToMessage(ResolveBaseAddress());
            _prepareRequest?.Invoke(message, operationName);
            using HttpResponseMessage response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            _processResponse?.Invoke(response, operationName);
            byte[] body = await ReadBodyAsync(response.Content, _options.MaxResponseBodyBytes, token).ConfigureAwait(false);
            ApiResponseData data = new((int)response.StatusCode, body, response.Content?.Headers.ContentType?.MediaType, GetRetryAfter(response.Headers.RetryAfter));
            return handle(data);
        }
        catch (OperationCanceledException ex) when (timeoutSource is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            throw new ApiTimeoutException(_options.Timeout!.Value, ex);
        }
    }

    private Uri ResolveBaseAddress()
    {
        return _options.BaseAddress
            ?? _httpClient.BaseAddress
            ?? _defaultBaseAddress
            ?? throw new InvalidOperationException("No base address: set ApiClientOptions.BaseAddress or HttpClient.BaseAddress (the spec's server URL is missing or relative).");
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
                switch (scheme.Kind)
                {
                    case ApiSecuritySchemeKind.ApiKeyHeader:
                        request.AddHeader(scheme.ParameterName, credential);
                        break;
                    case ApiSecuritySchemeKind.ApiKeyQuery:
                        request.AddQuery(scheme.ParameterName, credential);
                        break;
                    case ApiSecuritySchemeKind.ApiKeyCookie:
                        request.AddCookie(scheme.ParameterName, credential);
                        break;
                    case ApiSecuritySchemeKind.Bearer:
                        request.AddHeader("Authorization", "Bearer " + credential);
                        break;
                    case ApiSecuritySchemeKind.Basic:
                        request.AddHeader("Authorization", "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credential)));
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

    private static async Task<byte[]> ReadBodyAsync(HttpContent? content, long limit, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return Array.Empty<byte>();
        }

        if (content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw new ApiResponseTooLargeException(limit);
        }

#if NET5_0_OR_GREATER
        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using MemoryStream buffer = new();
        byte[] chunk = new byte[16 * 1024];
        while (true)
        {
#if NET5_0_OR_GREATER
            int read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
#else
            int read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > limit)
            {
                throw new ApiResponseTooLargeException(limit);
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
