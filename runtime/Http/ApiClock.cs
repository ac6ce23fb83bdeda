// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// The current time, as the client reads it to decide when a cached OAuth2 access token is due for refresh. Replace
/// <see cref="ApiClientOptions.Clock"/> with a clock of your own to control time in tests. (It plays the role of
/// .NET 8's <c>TimeProvider</c>, which netstandard2.0 does not have.)
/// </summary>
public abstract class ApiClock
{
    /// <summary>The system clock.</summary>
    public static ApiClock System { get; } = new SystemClock();

    /// <summary>The current UTC time.</summary>
    public abstract DateTimeOffset GetUtcNow();

    private sealed class SystemClock : ApiClock
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow;
    }
}
