// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// The <c>...WithResponseAsync</c> companions of generated operations: the same call, its result returned with the
/// status code and the headers (typed, when the responses declare some, by the generated headers class's
/// <c>Create</c>). The wrapping is written once here rather than as a second handler per operation.
/// </summary>
public sealed partial class ApiClientCore
{
    /// <summary>
    /// <see cref="SendAsync{T}(ApiRequest, IReadOnlyList{IReadOnlyList{ApiSecurityScheme}}, Func{ApiResponseData, T}, ApiOperation, CancellationToken)"/>
    /// for an operation's <c>...WithResponseAsync</c> companion: the handler's result with the status code and the
    /// headers.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="security">The alternatives of the operation's security requirement.</param>
    /// <param name="handle">The operation's generated response handler: returns the body or throws the documented exception.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApiResponse<T>> SendWithResponseAsync<T>(ApiRequest request, IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> security, Func<ApiResponseData, T> handle, ApiOperation operation, CancellationToken cancellationToken)
    {
        Func<ApiResponseData, T> read = handle ?? throw new ArgumentNullException(nameof(handle));
        return SendAsync(request, security, response => new ApiResponse<T>(response.StatusCode, response.Headers, read(response)), operation, cancellationToken);
    }

    /// <summary>The companion of an operation without a body: the status code and the headers, once the handler has accepted the status.</summary>
    /// <param name="request">The request.</param>
    /// <param name="security">The alternatives of the operation's security requirement.</param>
    /// <param name="handle">The operation's generated response handler: returns for a success, throws the documented exception otherwise.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApiResponse> SendWithResponseAsync(ApiRequest request, IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> security, Func<ApiResponseData, bool> handle, ApiOperation operation, CancellationToken cancellationToken)
    {
        Func<ApiResponseData, bool> accept = handle ?? throw new ArgumentNullException(nameof(handle));
        return SendAsync(
            request,
            security,
            response =>
            {
                accept(response);
                return new ApiResponse(response.StatusCode, response.Headers);
            },
            operation,
            cancellationToken);
    }

    /// <summary>
    /// The companion of an operation whose responses declare headers: the handler's result with the status code and
    /// the headers typed by <paramref name="headers"/> (the generated headers class's <c>Create</c>), built after the
    /// handler has accepted the status.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="security">The alternatives of the operation's security requirement.</param>
    /// <param name="handle">The operation's generated response handler: returns the body or throws the documented exception.</param>
    /// <param name="headers">Types the response's headers.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApiResponse<T, THeaders>> SendWithResponseAsync<T, THeaders>(ApiRequest request, IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> security, Func<ApiResponseData, T> handle, Func<ApiResponseHeaders, THeaders> headers, ApiOperation operation, CancellationToken cancellationToken)
        where THeaders : ApiResponseHeaders
    {
        Func<ApiResponseData, T> read = handle ?? throw new ArgumentNullException(nameof(handle));
        Func<ApiResponseHeaders, THeaders> type = headers ?? throw new ArgumentNullException(nameof(headers));
        return SendAsync(
            request,
            security,
            response =>
            {
                T value = read(response);
                return new ApiResponse<T, THeaders>(response.StatusCode, type(response.Headers), value);
            },
            operation,
            cancellationToken);
    }

    /// <summary>The companion of an operation without a body whose responses declare headers: the status code and the typed headers, once the handler has accepted the status.</summary>
    /// <param name="request">The request.</param>
    /// <param name="security">The alternatives of the operation's security requirement.</param>
    /// <param name="handle">The operation's generated response handler: returns for a success, throws the documented exception otherwise.</param>
    /// <param name="headers">Types the response's headers.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApiHeadersResponse<THeaders>> SendWithResponseAsync<THeaders>(ApiRequest request, IReadOnlyList<IReadOnlyList<ApiSecurityScheme>> security, Func<ApiResponseData, bool> handle, Func<ApiResponseHeaders, THeaders> headers, ApiOperation operation, CancellationToken cancellationToken)
        where THeaders : ApiResponseHeaders
    {
        Func<ApiResponseData, bool> accept = handle ?? throw new ArgumentNullException(nameof(handle));
        Func<ApiResponseHeaders, THeaders> type = headers ?? throw new ArgumentNullException(nameof(headers));
        return SendAsync(
            request,
            security,
            response =>
            {
                accept(response);
                return new ApiHeadersResponse<THeaders>(response.StatusCode, type(response.Headers));
            },
            operation,
            cancellationToken);
    }
}
