// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Globalization;

namespace LiveAvatarGen.Generator.Emitting;

/// <summary>C# literals for values that came from the spec: escaped so any text is a valid, identical string in the output.</summary>
internal static class CSharpLiteral
{
    public static string String(string value)
    {
        if (!AnyNeedsEscape(value))
        {
            // Nearly every literal (JSON names, paths, type names): one string, no builder.
            return "\"" + value + "\"";
        }

        System.Text.StringBuilder builder = new("\"");
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (NeedsEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool AnyNeedsEscape(string value)
    {
        foreach (char c in value)
        {
            if (NeedsEscape(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A character that cannot stand as itself in a C# string literal: quote, backslash, controls and line breaks.</summary>
    private static bool NeedsEscape(char c) => c is '"' or '\\' or < (char)0x20 or '\u2028' or '\u2029' or '\u0085';
}
