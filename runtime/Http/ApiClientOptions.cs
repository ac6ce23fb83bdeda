// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Diagnostics;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// Settings shared by every generated client. Generated options classes derive from it and add one
/// credential property per security scheme of the spec.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public abstract class ApiClientOptions
{
    /// <summary>Default cap on a response body: large enough for any JSON page, small enough that a hostile server cannot exhaust memory.</summary>
    public const long DefaultMaxResponseBodyBytes = 32L * 1024 * 1024;

    /// <summary>The API's base address. When null, the <see cref="System.Net.Http.HttpClient.BaseAddress"/> is used, then the spec's first server.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The largest response body read, in bytes; a larger one fails with <see cref="Errors.ApiResponseTooLargeException"/>.</summary>
    public long MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>A per-call time limit covering the request and reading the body; null leaves only the HttpClient's own timeout.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Returns the credential configured for a security scheme of the spec, or null when none is set.</summary>
    /// <param name="schemeName">The scheme's name under <c>components.securitySchemes</c>.</param>
    public abstract string? GetCredential(string schemeName);

    /// <summary>Describes the options without revealing any credential.</summary>
    public override string ToString()
    {
        return $"{GetType().Name} {{ BaseAddress = {BaseAddress?.ToString() ?? "(default)"}, Timeout = {Timeout?.ToString() ?? "(none)"}, credentials hidden }}";
    }
}
