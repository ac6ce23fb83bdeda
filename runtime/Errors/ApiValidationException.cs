// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.ComponentModel;

namespace LiveAvatarGen.Runtime.Errors;

/// <summary>
/// A value broke a constraint of the spec (<c>pattern</c>, length or range), either when it was constructed in code
/// or when it was read from a response. The offending value is shown shortened, never whole.
/// </summary>
public sealed class ApiValidationException : ApiDataException
{
    /// <summary>Longest value excerpt put in a message: a hostile server can send megabytes.</summary>
    public const int MaxShownValueLength = 64;

    /// <summary>Creates the exception.</summary>
    /// <param name="typeName">The validated type, such as <c>CreditsLeft</c>.</param>
    /// <param name="value">The rejected value; it is shortened before it is stored.</param>
    /// <param name="rule">The broken rule in words, such as <c>must match pattern '^a$'</c>.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ApiValidationException(string typeName, string? value, string rule, Exception? innerException = null)
        : base($"{typeName} value {Shorten(value)} is invalid: it {rule}.", innerException)
    {
        TypeName = typeName;
        ShownValue = Shorten(value);
        Rule = rule;
    }

    /// <summary>The validated type's name.</summary>
    public string TypeName { get; }

    /// <summary>The rejected value, quoted and shortened to <see cref="MaxShownValueLength"/> characters.</summary>
    public string ShownValue { get; }

    /// <summary>The broken rule in words.</summary>
    public string Rule { get; }

    /// <summary>Quotes a value and cuts it to <see cref="MaxShownValueLength"/> characters. Used by the runtime's messages.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static string Shorten(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (value.Length <= MaxShownValueLength)
        {
            return "\"" + value + "\"";
        }

        return "\"" + value.Substring(0, MaxShownValueLength) + "…\" (" + value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " chars)";
    }
}
