// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.ComponentModel;
using System.Threading;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>What the OAuth2 client credentials flow needs from the options: the clock, the refresh margin, the grants.</summary>
public abstract partial class ApiClientOptions
{
    private ApiClock _clock = ApiClock.System;

    /// <summary>
    /// How long before its expiry a cached OAuth2 access token is replaced (at most half its lifetime); one minute by
    /// default. Used only for security schemes with a client credentials flow.
    /// </summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock that decides when a cached OAuth2 access token is due; replace it to control time in tests.</summary>
    public ApiClock Clock
    {
        get => _clock;
        set => _clock = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The client credentials grant configured for an OAuth2 security scheme, with its cached token; null when the
    /// scheme has no client credentials flow or its client id or secret is not set. Generated options override it.
    /// </summary>
    /// <param name="schemeName">The scheme's name under <c>components.securitySchemes</c>.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public virtual OAuth2ClientCredentials? GetClientCredentials(string schemeName) => null;

    /// <summary>Reads the client credentials properties in <see cref="ApplySettings"/>; generated options override it.</summary>
    /// <param name="getSetting">Returns the value of a key, or null.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void ApplyClientCredentialSettings(Func<string, string?> getSetting)
    {
    }

    /// <summary>
    /// The grant for these settings: the one in <paramref name="cache"/> while they are unchanged (so its token stays
    /// cached), else a new one stored there; null while the client id or secret is missing.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static OAuth2ClientCredentials? ClientCredentials(ref OAuth2ClientCredentials? cache, Uri? tokenUrl, string? clientId, string? clientSecret, string? scopes, OAuth2ClientAuthentication authentication)
    {
        if (tokenUrl is null || string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
        {
            return null;
        }

        OAuth2ClientCredentials? current = Volatile.Read(ref cache);
        if (current is not null && current.Matches(tokenUrl, clientId!, clientSecret!, scopes, authentication))
        {
            return current;
        }

        OAuth2ClientCredentials created = new(tokenUrl, clientId!, clientSecret!, scopes, authentication);
        OAuth2ClientCredentials? raced = Interlocked.CompareExchange(ref cache, created, current);
        return ReferenceEquals(raced, current) || !raced!.Matches(tokenUrl, clientId!, clientSecret!, scopes, authentication) ? created : raced;
    }

    /// <summary>A token URL setting: absolute, or relative to the base address.</summary>
    /// <exception cref="FormatException">The value is not a URI; the message names the key.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Uri? UriSetting(Func<string, string?> getSetting, string key)
    {
        string? value = Setting(getSetting, key);
        if (value is null)
        {
            return null;
        }

        // A rooted path is relative to the base address, although on Unix Uri would take it for an absolute file path.
        bool rooted = value![0] == '/';
        if (!rooted && Uri.TryCreate(value, UriKind.Absolute, out Uri? absolute))
        {
            return absolute;
        }

        return Uri.TryCreate(value, UriKind.Relative, out Uri? relative)
            ? relative
            : throw new FormatException($"{GetType().Name}: {key} must be a URI (absolute, or relative to the base address).");
    }

    /// <summary>A client authentication setting: <c>Basic</c> or <c>Post</c>, ignoring case.</summary>
    /// <exception cref="FormatException">The value is neither; the message names the key.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected OAuth2ClientAuthentication? ClientAuthenticationSetting(Func<string, string?> getSetting, string key)
    {
        string? value = Setting(getSetting, key);
        if (value is null)
        {
            return null;
        }

        if (string.Equals(value, nameof(OAuth2ClientAuthentication.Basic), StringComparison.OrdinalIgnoreCase))
        {
            return OAuth2ClientAuthentication.Basic;
        }

        return string.Equals(value, nameof(OAuth2ClientAuthentication.Post), StringComparison.OrdinalIgnoreCase)
            ? OAuth2ClientAuthentication.Post
            : throw new FormatException($"{GetType().Name}: {key} must be Basic or Post.");
    }
}
