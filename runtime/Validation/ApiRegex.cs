// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Text.RegularExpressions;

namespace LiveAvatarGen.Runtime.Validation;

/// <summary>Builds the regexes of generated value types. A spec's pattern is untrusted input, so every match has a timeout.</summary>
public static class ApiRegex
{
    /// <summary>The longest a single pattern check may run before it fails with <see cref="Errors.ApiValidationException"/>.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Creates a culture-invariant regex with <see cref="MatchTimeout"/>.</summary>
    public static Regex Create(string pattern)
    {
        return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
    }
}
