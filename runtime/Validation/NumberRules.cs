// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.ComponentModel;
using System.Globalization;
using LiveAvatarGen.Runtime.Errors;

namespace LiveAvatarGen.Runtime.Validation;

/// <summary>
/// The checks behind generated numeric value types: minimum, maximum, their exclusive forms and multipleOf.
/// Integers and decimals are compared as decimal (exact); floating-point values as double.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class NumberRules
{
    /// <summary>Returns the value if it is within the bounds, else throws <see cref="ApiValidationException"/>.</summary>
    public static decimal Check(decimal value, string typeName, decimal? minimum, decimal? maximum, decimal? exclusiveMinimum, decimal? exclusiveMaximum, decimal? multipleOf)
    {
        string? broken = FindBrokenRule(value, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf);
        return broken is null ? value : throw new ApiValidationException(typeName, value.ToString(CultureInfo.InvariantCulture), broken);
    }

    /// <summary>Describes the first bound the value breaks, or returns null.</summary>
    public static string? FindBrokenRule(decimal value, decimal? minimum, decimal? maximum, decimal? exclusiveMinimum, decimal? exclusiveMaximum, decimal? multipleOf)
    {
        if (minimum is { } min && value < min)
        {
            return "must be at least " + Text(min);
        }

        if (exclusiveMinimum is { } exMin && value <= exMin)
        {
            return "must be greater than " + Text(exMin);
        }

        if (maximum is { } max && value > max)
        {
            return "must be at most " + Text(max);
        }

        if (exclusiveMaximum is { } exMax && value >= exMax)
        {
            return "must be less than " + Text(exMax);
        }

        if (multipleOf is { } step && step != 0 && value % step != 0)
        {
            return "must be a multiple of " + Text(step);
        }

        return null;
    }

    /// <summary>Returns the value if it is within the bounds, else throws <see cref="ApiValidationException"/>.</summary>
    public static double Check(double value, string typeName, double? minimum, double? maximum, double? exclusiveMinimum, double? exclusiveMaximum, double? multipleOf)
    {
        string? broken = FindBrokenRule(value, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf);
        return broken is null ? value : throw new ApiValidationException(typeName, value.ToString("R", CultureInfo.InvariantCulture), broken);
    }

    /// <summary>Describes the first bound the value breaks, or returns null. NaN breaks every bound.</summary>
    public static string? FindBrokenRule(double value, double? minimum, double? maximum, double? exclusiveMinimum, double? exclusiveMaximum, double? multipleOf)
    {
        if (double.IsNaN(value) && (minimum ?? maximum ?? exclusiveMinimum ?? exclusiveMaximum ?? multipleOf) is not null)
        {
            return "is not a number";
        }

        if (minimum is { } min && value < min)
        {
            return "must be at least " + Text(min);
        }

        if (exclusiveMinimum is { } exMin && value <= exMin)
        {
            return "must be greater than " + Text(exMin);
        }

        if (maximum is { } max && value > max)
        {
            return "must be at most " + Text(max);
        }

        if (exclusiveMaximum is { } exMax && value >= exMax)
        {
            return "must be less than " + Text(exMax);
        }

        if (multipleOf is { } step && step != 0)
        {
            // Decimal arithmetic where the value fits, so 0.3 is a multiple of 0.1 as a person expects.
            double quotient = value / step;
            bool isMultiple = Math.Abs(value) < 7.9e27 && Math.Abs(step) > 1e-28
                ? (decimal)value % (decimal)step == 0
                : Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
            if (!isMultiple)
            {
                return "must be a multiple of " + Text(step);
            }
        }

        return null;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
