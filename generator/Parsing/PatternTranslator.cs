// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Text;
using System.Text.RegularExpressions;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// Translates a spec's ECMA-262 pattern to .NET. The differences that matter: in .NET <c>\d</c> matches any
/// Unicode digit (full-width "１２" would pass), while JSON Schema means ASCII <c>[0-9]</c>; and .NET's <c>$</c>
/// also matches before a final newline ("12.50\n" would pass <c>^\d+\.\d+$</c>), while ECMA-262's matches only at
/// the end, which is .NET's <c>\z</c>.
/// </summary>
internal static class PatternTranslator
{
    /// <summary>pydantic's Decimal pattern starts like this; with max_digits it adds a tail.</summary>
    private const string DecimalPrefix = "^(?!^[-+.]*$)[+-]?0*";

    public static bool IsDecimalStringPattern(string pattern) => pattern.StartsWith(DecimalPrefix, StringComparison.Ordinal);

    /// <summary>The .NET pattern, or null with an error when the pattern does not compile.</summary>
    public static string? ToDotNet(string pattern, out string? error)
    {
        StringBuilder builder = new(pattern.Length + 16);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char next = pattern[i + 1];
                i++;
                if (next == 'd')
                {
                    builder.Append(inClass ? "0-9" : "[0-9]");
                }
                else if (next == 'D' && !inClass)
                {
                    builder.Append("[^0-9]");
                }
                else
                {
                    builder.Append('\\').Append(next);
                }

                continue;
            }

            if (c == '$' && !inClass)
            {
                builder.Append("\\z");
                continue;
            }

            if (c == '[' && !inClass)
            {
                inClass = true;
            }
            else if (c == ']' && inClass)
            {
                inClass = false;
            }

            builder.Append(c);
        }

        string translated = builder.ToString();
        try
        {
            _ = new Regex(translated, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            error = null;
            return translated;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }
}
