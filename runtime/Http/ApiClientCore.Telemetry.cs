// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LiveAvatarGen.Runtime.Json;
using LiveAvatarGen.Runtime.Telemetry;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// Tracing and metrics: every call of a generated client is one span of the client's activity source and one duration
/// in its meter's histogram (<see cref="ApiTelemetry"/>), named by the <see cref="ApiOperation"/> the generated code passes.
/// </summary>
public sealed partial class ApiClientCore
{
    private readonly ApiTelemetry? _telemetry;

    /// <summary>Creates the transport with the spec's first server, hooks around each call, and the client's telemetry.</summary>
    /// <param name="httpClient">The client to send with; typically from <c>IHttpClientFactory</c>.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="specServer">The spec's first document-level server, used when neither the options nor the HttpClient set a base address.</param>
    /// <param name="prepareRequest">Called with each finished request (credentials applied) and the operation's name, just before it is sent.</param>
    /// <param name="processResponse">Called with each response and the operation's name when its headers have arrived, before the body is read.</param>
    /// <param name="telemetry">The client's activity source and meter; null records nothing.</param>
    public ApiClientCore(HttpClient httpClient, ApiClientOptions options, ApiServer? specServer, Action<HttpRequestMessage, string>? prepareRequest, Action<HttpResponseMessage, string>? processResponse, ApiTelemetry? telemetry)
        : this(httpClient, options, specServer, prepareRequest, processResponse)
    {
        _telemetry = telemetry;
    }

    /// <summary>Sends a request for an operation and hands the read response to <paramref name="handle"/>; traced and timed as that operation.</summary>
    /// <param name="request">The request.</param>
    /// <param name="security">The alternatives of the operation's security requirement; the first whose credentials are all configured is applied.</param>
    /// <param name="handle">The generated response handler: returns the result or throws the documented exception.</param>
    /// <param name="operation">The operation: its name for the hooks, its route template and operationId for telemetry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<T> SendAsync<T>(ApiRequest request, IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> security, Func<ApiResponseData, T> handle, ApiOperation operation, CancellationToken cancellationToken)
        => CallAsync(request, security, handle, operation ?? throw new ArgumentNullException(nameof(operation)), cancellationToken);

    /// <summary>
    /// Sends a request whose success response is a stream of items; traced and timed as the operation until its
    /// headers arrive. The per-call timeout covers the wait for the response headers only: a stream may
    /// legitimately run longer. Each line is bounded by <see cref="ApiClientOptions.MaxResponseBodyBytes"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="security">The security alternatives.</param>
    /// <param name="format">How items are framed.</param>
    /// <param name="read">Reads one item from its JSON; null yields each item's raw text (as a string).</param>
    /// <param name="toError">Turns an error status into its documented exception.</param>
    /// <param name="operation">The operation: its name for the hooks, its route template and operationId for telemetry.</param>
    /// <param name="cancellationToken">Cancels the call and the enumeration.</param>
    public IAsyncEnumerable<T> StreamAsync<T>(ApiRequest request, IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> security, ApiStreamFormat format, JsonReadFunc<T>? read, Func<ApiResponseData, Exception> toError, ApiOperation operation, CancellationToken cancellationToken = default)
        => StreamItemsAsync(request, security, format, read, toError, operation ?? throw new ArgumentNullException(nameof(operation)), cancellationToken);

    /// <summary>
    /// Sends a request whose success response is a stream of items and returns when its headers have arrived: the
    /// status and headers are read before the items, which the result yields as they arrive. Traced and timed as the
    /// operation until then.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="security">The security alternatives.</param>
    /// <param name="format">How items are framed.</param>
    /// <param name="read">Reads one item from its JSON; null yields each item's raw text (as a string).</param>
    /// <param name="toError">Turns an error status into its documented exception.</param>
    /// <param name="operation">The operation: its name for the hooks, its route template and operationId for telemetry.</param>
    /// <param name="cancellationToken">Cancels the call and the enumeration.</param>
    public Task<ApiStreamResponse<T>> OpenStreamAsync<T>(ApiRequest request, IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> security, ApiStreamFormat format, JsonReadFunc<T>? read, Func<ApiResponseData, Exception> toError, ApiOperation operation, CancellationToken cancellationToken = default)
        => OpenStreamAsync(request, security, format, read, toError, operation ?? throw new ArgumentNullException(nameof(operation)), withHeaders: true, cancellationToken);

    /// <summary>Starts a call's span and clock, when someone listens.</summary>
    private CallTelemetry StartTelemetry(ApiOperation? operation, ApiRequest request)
        => CallTelemetry.Start(_telemetry, operation, request.Method.Method);
}
