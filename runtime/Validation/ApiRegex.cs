// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.ComponentModel;
using System.Text.RegularExpressions;

namespace LiveAvatarGen.Runtime.Validation;

/// <summary>Builds the regexes of generated value types. A spec's pattern is untrusted input, so every match has a timeout.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiRegex
{
    /// <summary>The longest a single pattern check may run before it fails with <see cref="Errors.ApiValidationException"/>.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>pydantic's <c>Decimal</c> wire pattern as the generator translates it; checked by hand, not by the regex engine.</summary>
    public const string DecimalStringPattern = "^(?!^[-+.]*\\z)[+-]?0*[0-9]*\\.?[0-9]*\\z";

    /// <summary>
    /// Creates a culture-invariant regex with <see cref="MatchTimeout"/>, compiled where the runtime can compile
    /// (not under NativeAOT, where the interpreter is used). pydantic's decimal pattern gets a hand-written check.
    /// </summary>
    public static Regex Create(string pattern)
    {
        if (string.Equals(pattern, DecimalStringPattern, StringComparison.Ordinal))
        {
            return new DecimalStringRegex(pattern);
        }

        RegexOptions options = RegexOptions.CultureInvariant;
#if NET5_0_OR_GREATER
        if (System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled)
        {
            options |= RegexOptions.Compiled;
        }
#endif
        return new Regex(pattern, options, MatchTimeout);
    }

    /// <summary>Whether <paramref name="value"/> matches a regex made by <see cref="Create"/>; throws <see cref="RegexMatchTimeoutException"/> after <see cref="MatchTimeout"/>.</summary>
    public static bool IsMatch(Regex regex, string value)
    {
        return regex is DecimalStringRegex ? DecimalText.IsDecimalString(value) : regex.IsMatch(value);
    }

    /// <summary>Marks the decimal pattern: the regex itself still works, but <see cref="IsMatch"/> answers without it.</summary>
    private sealed class DecimalStringRegex : Regex
    {
        public DecimalStringRegex(string pattern)
            : base(pattern, RegexOptions.CultureInvariant, ApiRegex.MatchTimeout)
        {
        }
    }
}
