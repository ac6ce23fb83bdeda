// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>A response body exceeded <see cref="Http.ApiClientOptions.MaxResponseBodyBytes"/>; reading stopped at the limit.</summary>
public sealed class ApiResponseTooLargeException : ApiClientException
{
    /// <summary>Creates the exception.</summary>
    public ApiResponseTooLargeException(long limitBytes)
#if NET8_0_OR_GREATER
        : base(BuildMessage(limitBytes), null, System.Net.Http.HttpRequestError.ConfigurationLimitExceeded, null)
#else
        : base(BuildMessage(limitBytes), null)
#endif
    {
        LimitBytes = limitBytes;
    }

    /// <summary>The limit that was exceeded.</summary>
    public long LimitBytes { get; }

    private static string BuildMessage(long limitBytes)
        => "The response body exceeds the limit of " + limitBytes.ToString(CultureInfo.InvariantCulture) + " bytes (ApiClientOptions.MaxResponseBodyBytes).";
}
