// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace LiveAvatarGen.Runtime.Http;

/// <summary>
/// Settings shared by every generated client. Generated options classes derive from it and add one
/// credential property per security scheme of the spec.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public abstract partial class ApiClientOptions
{
    /// <summary>Default cap on a response body: large enough for any JSON page, small enough that a hostile server cannot exhaust memory.</summary>
    public const long DefaultMaxResponseBodyBytes = 32L * 1024 * 1024;

    /// <summary>
    /// The API's base address, in place of the spec's document-level servers. When null, the
    /// <see cref="System.Net.Http.HttpClient.BaseAddress"/> is used, then the spec's first server with its variables
    /// resolved. An operation or path that declares its own absolute server is sent there whatever this says;
    /// a relative one is resolved against this address.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The largest response body read, in bytes; a larger one fails with <see cref="Errors.ApiResponseTooLargeException"/>.</summary>
    public long MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>A per-call time limit covering the request and reading the body; null leaves only the HttpClient's own timeout.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Returns the credential configured for a security scheme of the spec, or null when none is set.</summary>
    /// <param name="schemeName">The scheme's name under <c>components.securitySchemes</c>.</param>
    public abstract string? GetCredential(string schemeName);

    /// <summary>Returns the value set for a variable of the spec's server URLs, or null to use the spec's default.</summary>
    /// <param name="name">The variable's name, as between braces in the URL.</param>
    public virtual string? GetServerVariable(string name) => null;

    /// <summary>
    /// Applies key/value settings, such as a section of <c>IConfiguration</c> (<c>key =&gt; section[key]</c>) or
    /// environment variables: <c>BaseAddress</c> (an absolute URI), <c>Timeout</c> (a TimeSpan such as <c>00:00:30</c>),
    /// <c>MaxResponseBodyBytes</c>, and one key per credential property and per server variable property of the
    /// generated options (for example <c>APIKeyHeader</c>, <c>Region</c>). A missing or empty key leaves its option as it is. No reflection: trimming- and AOT-safe.
    /// </summary>
    /// <param name="getSetting">Returns the value of a key, or null.</param>
    /// <exception cref="FormatException">A value cannot be read; the message names the key.</exception>
    public void ApplySettings(Func<string, string?> getSetting)
    {
        Func<string, string?> read = getSetting ?? throw new ArgumentNullException(nameof(getSetting));
        if (Setting(read, nameof(BaseAddress)) is { } baseAddress)
        {
            BaseAddress = Uri.TryCreate(baseAddress, UriKind.Absolute, out Uri? uri)
                ? uri
                : throw new FormatException($"{GetType().Name}: {nameof(BaseAddress)} must be an absolute URI.");
        }

        if (Setting(read, nameof(Timeout)) is { } timeout)
        {
            Timeout = TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out TimeSpan value) && value > TimeSpan.Zero
                ? value
                : throw new FormatException($"{GetType().Name}: {nameof(Timeout)} must be a positive TimeSpan such as 00:00:30.");
        }

        if (Setting(read, nameof(MaxResponseBodyBytes)) is { } limit)
        {
            MaxResponseBodyBytes = long.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out long bytes) && bytes > 0
                ? bytes
                : throw new FormatException($"{GetType().Name}: {nameof(MaxResponseBodyBytes)} must be a positive whole number of bytes.");
        }

        ApplyCredentialSettings(read);
        ApplyClientCredentialSettings(read);
        ApplyServerVariableSettings(read);
    }

    /// <summary>Reads the credential properties in <see cref="ApplySettings"/>; generated options override it.</summary>
    /// <param name="getSetting">Returns the value of a key, or null.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void ApplyCredentialSettings(Func<string, string?> getSetting)
    {
    }

    /// <summary>Reads the server variable properties in <see cref="ApplySettings"/>; generated options override it.</summary>
    /// <param name="getSetting">Returns the value of a key, or null.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void ApplyServerVariableSettings(Func<string, string?> getSetting)
    {
    }

    /// <summary>A setting's value, or null when it is missing or empty.</summary>
    /// <param name="getSetting">Returns the value of a key, or null.</param>
    /// <param name="key">The key.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static string? Setting(Func<string, string?> getSetting, string key)
    {
        string? value = getSetting?.Invoke(key);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Describes the options without revealing any credential.</summary>
    public override string ToString()
    {
        return $"{GetType().Name} {{ BaseAddress = {BaseAddress?.ToString() ?? "(default)"}, Timeout = {Timeout?.ToString() ?? "(none)"}, credentials hidden }}";
    }
}
