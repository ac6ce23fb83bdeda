// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>A call did not finish within <see cref="Http.ApiClientOptions.Timeout"/>.</summary>
public sealed class ApiTimeoutException : TimeoutException
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
