// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>A call did not finish within <see cref="Http.ApiClientOptions.Timeout"/>.</summary>
/// <remarks>
/// Before the exceptions had one base it derived from <see cref="TimeoutException"/>; catch this type (or
/// <see cref="ApiClientException"/>) instead. The caller's own cancellation is never reported as a timeout.
/// </remarks>
public sealed class ApiTimeoutException : ApiClientException
{
    /// <summary>Creates the exception.</summary>
    public ApiTimeoutException(TimeSpan timeout, Exception innerException)
        : base("The call did not complete within " + timeout.ToString() + ".", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The limit that was exceeded.</summary>
    public TimeSpan Timeout { get; }
}
