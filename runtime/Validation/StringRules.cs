// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using LiveAvatarGen.Runtime.Errors;

namespace LiveAvatarGen.Runtime.Validation;

/// <summary>The checks behind generated string value types: pattern and length, as JSON Schema defines them.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StringRules
{
    /// <summary>Returns the value if it passes every rule, else throws <see cref="ApiValidationException"/>.</summary>
    /// <param name="value">The candidate.</param>
    /// <param name="typeName">The value type's name, for the message.</param>
    /// <param name="pattern">The compiled pattern, or null.</param>
    /// <param name="patternText">The pattern as the spec wrote it, for the message.</param>
    /// <param name="minLength">The minimum length in code points, or -1.</param>
    /// <param name="maxLength">The maximum length in code points, or -1.</param>
    public static string Check(string? value, string typeName, Regex? pattern, string? patternText, int minLength, int maxLength)
    {
        string? broken = FindBrokenRule(value, pattern, patternText, minLength, maxLength, out Exception? cause);
        if (broken is not null)
        {
            throw new ApiValidationException(typeName, value, broken, cause);
        }

        return value!;
    }

    /// <summary>
    /// Checks the length rules of a string member that has no type of its own (an inline string with only
    /// <c>minLength</c>/<c>maxLength</c>); null passes, since whether null is allowed is the member's type's business.
    /// Throws <see cref="ApiValidationException"/> when the value is too short or too long.
    /// </summary>
    /// <param name="value">The candidate.</param>
    /// <param name="memberName">The member's JSON name, for the message (a read adds the JSON path).</param>
    /// <param name="minLength">The minimum length in code points, or -1.</param>
    /// <param name="maxLength">The maximum length in code points, or -1.</param>
    public static void CheckLength(string? value, string memberName, int minLength, int maxLength)
    {
        // A string of n UTF-16 units holds between n/2 and n code points, so most values pass without being counted:
        // Stripe puts maxLength 5000 on nearly every string, and a read checks a required one twice (the reader, to
        // name the JSON path, and the init accessor).
        if (value is null || ((maxLength < 0 || value.Length <= maxLength) && (minLength < 0 || (value.Length + 1) / 2 >= minLength)))
        {
            return;
        }

        if (FindBrokenRule(value, null, null, minLength, maxLength, out _) is { } broken)
        {
            throw new ApiValidationException(memberName, value, broken);
        }
    }

    /// <summary>Describes the first rule the value breaks, or returns null if it passes.</summary>
    public static string? FindBrokenRule(string? value, Regex? pattern, string? patternText, int minLength, int maxLength, out Exception? cause)
    {
        cause = null;
        if (value is null)
        {
            return "is null";
        }

        if (minLength >= 0 || maxLength >= 0)
        {
            // JSON Schema counts code points, not UTF-16 units.
            int length = CountCodePoints(value);
            if (minLength >= 0 && length < minLength)
            {
                return "must be at least " + minLength.ToString(CultureInfo.InvariantCulture) + " characters long";
            }

            if (maxLength >= 0 && length > maxLength)
            {
                return "must be at most " + maxLength.ToString(CultureInfo.InvariantCulture) + " characters long";
            }
        }

        if (pattern is not null)
        {
            try
            {
                if (!ApiRegex.IsMatch(pattern, value))
                {
                    return "must match the pattern '" + patternText + "'";
                }
            }
            catch (RegexMatchTimeoutException ex)
            {
                cause = ex;
                return "could not be checked against the pattern '" + patternText + "' within " + ApiRegex.MatchTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
            }
        }

        return null;
    }

    private static int CountCodePoints(string value)
    {
        int count = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
