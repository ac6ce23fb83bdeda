// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// A successful response with its metadata: what an operation's <c>...WithResponseAsync</c> companion returns when
/// the operation has no body. Error statuses still throw, as with the plain method.
/// </summary>
public class ApiResponse
{
    /// <summary>Creates the response (for example to return from a mock).</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">The response and content headers.</param>
    public ApiResponse(int statusCode, ApiResponseHeaders headers)
    {
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The response and content headers, by name ignoring case.</summary>
    public ApiResponseHeaders Headers { get; }
}

/// <summary>A successful response with its metadata and its typed body.</summary>
/// <typeparam name="T">The body's type.</typeparam>
public class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates the response (for example to return from a mock).</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">The response and content headers.</param>
    /// <param name="value">The typed body.</param>
    public ApiResponse(int statusCode, ApiResponseHeaders headers, T value)
        : base(statusCode, headers)
    {
        Value = value;
    }

    /// <summary>The typed body: what the plain method returns.</summary>
    public T Value { get; }
}

/// <summary>A successful response without a body whose spec declares response headers: they are typed.</summary>
/// <typeparam name="THeaders">The generated class of the declared headers.</typeparam>
public sealed class ApiHeadersResponse<THeaders> : ApiResponse
    where THeaders : ApiResponseHeaders
{
    /// <summary>Creates the response (for example to return from a mock).</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">The headers, with typed properties for the declared ones.</param>
    public ApiHeadersResponse(int statusCode, THeaders headers)
        : base(statusCode, headers)
    {
    }

    /// <summary>The headers, with a typed property per declared header; every header is still readable by name.</summary>
    public new THeaders Headers => (THeaders)base.Headers;
}

/// <summary>A successful response with its typed body whose spec declares response headers: they are typed.</summary>
/// <typeparam name="T">The body's type.</typeparam>
/// <typeparam name="THeaders">The generated class of the declared headers.</typeparam>
public sealed class ApiResponse<T, THeaders> : ApiResponse<T>
    where THeaders : ApiResponseHeaders
{
    /// <summary>Creates the response (for example to return from a mock).</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">The headers, with typed properties for the declared ones.</param>
    /// <param name="value">The typed body.</param>
    public ApiResponse(int statusCode, THeaders headers, T value)
        : base(statusCode, headers, value)
    {
    }

    /// <summary>The headers, with a typed property per declared header; every header is still readable by name.</summary>
    public new THeaders Headers => (THeaders)base.Headers;
}
