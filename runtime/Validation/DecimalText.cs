// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Globalization;
using System.Text;

namespace LiveAvatarGen.Runtime.Validation;

/// <summary>
/// Exact conversion between decimal strings (pydantic's <c>Decimal</c> wire form) and <see cref="decimal"/>.
/// No floating point is involved, and a value that <see cref="decimal"/> cannot hold exactly is refused
/// rather than rounded.
/// </summary>
public static class DecimalText
{
    private const string MaxMantissa = "79228162514264337593543950335";
    private const int MaxScale = 28;

    /// <summary>Converts exactly, or returns false when the text is not a plain decimal or does not fit.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        if (!TrySplit(text, out bool negative, out string integerDigits, out string fractionDigits))
        {
            return false;
        }

        if (fractionDigits.Length > MaxScale || !FitsMantissa(integerDigits + fractionDigits))
        {
            // Trailing fraction zeros carry no value: drop them only when that is what makes the number fit.
            fractionDigits = fractionDigits.TrimEnd('0');
            if (fractionDigits.Length > MaxScale || !FitsMantissa(integerDigits + fractionDigits))
            {
                return false;
            }
        }

        StringBuilder normalized = new();
        if (negative)
        {
            normalized.Append('-');
        }

        normalized.Append(integerDigits.Length == 0 ? "0" : integerDigits);
        if (fractionDigits.Length > 0)
        {
            normalized.Append('.').Append(fractionDigits);
        }

        return decimal.TryParse(normalized.ToString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Whether the text has the decimal-string form, exactly as pydantic's pattern
    /// <c>^(?!^[-+.]*$)[+-]?0*\d*\.?\d*$</c> means it in ECMA-262 with ASCII digits: an optional sign, digits, an
    /// optional point, digits, and at least one digit in all. No allocation, no regex.
    /// </summary>
    public static bool IsDecimalString(string? text)
    {
        if (text is null)
        {
            return false;
        }

        int index = 0;
        if (index < text.Length && text[index] is '+' or '-')
        {
            index++;
        }

        int digits = 0;
        while (index < text.Length && text[index] is >= '0' and <= '9')
        {
            index++;
            digits++;
        }

        if (index < text.Length && text[index] == '.')
        {
            index++;
        }

        while (index < text.Length && text[index] is >= '0' and <= '9')
        {
            index++;
            digits++;
        }

        return index == text.Length && digits > 0;
    }

    /// <summary>Formats a decimal in the invariant form the server expects, keeping its scale (12.50 stays "12.50").</summary>
    public static string Format(decimal value)
    {
        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static bool TrySplit(string? text, out bool negative, out string integerDigits, out string fractionDigits)
    {
        negative = false;
        integerDigits = string.Empty;
        fractionDigits = string.Empty;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        int index = 0;
        if (text![0] is '+' or '-')
        {
            negative = text[0] == '-';
            index++;
        }

        int integerStart = index;
        while (index < text.Length && text[index] is >= '0' and <= '9')
        {
            index++;
        }

        integerDigits = text.Substring(integerStart, index - integerStart).TrimStart('0');
        bool hasIntegerDigits = index > integerStart;
        bool hasFractionDigits = false;
        if (index < text.Length && text[index] == '.')
        {
            index++;
            int fractionStart = index;
            while (index < text.Length && text[index] is >= '0' and <= '9')
            {
                index++;
            }

            fractionDigits = text.Substring(fractionStart, index - fractionStart);
            hasFractionDigits = index > fractionStart;
        }

        return index == text.Length && (hasIntegerDigits || hasFractionDigits);
    }

    private static bool FitsMantissa(string digits)
    {
        string significant = digits.TrimStart('0');
        if (significant.Length != MaxMantissa.Length)
        {
            return significant.Length < MaxMantissa.Length;
        }

        return string.CompareOrdinal(significant, MaxMantissa) <= 0;
    }
}
