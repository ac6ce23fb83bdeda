// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>A response body exceeded <see cref="Http.ApiClientOptions.MaxResponseBodyBytes"/>; reading stopped at the limit.</summary>
public sealed class ApiResponseTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiResponseTooLargeException(long limitBytes)
        : base("The response body exceeds the limit of " + limitBytes.ToString(CultureInfo.InvariantCulture) + " bytes (ApiClientOptions.MaxResponseBodyBytes).")
    {
        LimitBytes = limitBytes;
    }

    /// <summary>The limit that was exceeded.</summary>
    public long LimitBytes { get; }
}
