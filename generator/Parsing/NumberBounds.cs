// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Globalization;
using Microsoft.OpenApi;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>A number schema's bounds as invariant numeric text; unparseable bounds are dropped.</summary>
internal readonly struct NumberBounds
{
    private NumberBounds(string? minimum, string? maximum, string? exclusiveMinimum, string? exclusiveMaximum, string? multipleOf)
    {
        Minimum = minimum;
        Maximum = maximum;
        ExclusiveMinimum = exclusiveMinimum;
        ExclusiveMaximum = exclusiveMaximum;
        MultipleOf = multipleOf;
    }

    public string? Minimum { get; }

    public string? Maximum { get; }

    public string? ExclusiveMinimum { get; }

    public string? ExclusiveMaximum { get; }

    public string? MultipleOf { get; }

    public bool Any => (Minimum ?? Maximum ?? ExclusiveMinimum ?? ExclusiveMaximum ?? MultipleOf) is not null;

    public static NumberBounds Of(IOpenApiSchema schema)
    {
        return new NumberBounds(
            Number(schema.Minimum),
            Number(schema.Maximum),
            Number(schema.ExclusiveMinimum),
            Number(schema.ExclusiveMaximum),
            Number(schema.MultipleOf));
    }

    public override string ToString() => Minimum + "|" + Maximum + "|" + ExclusiveMinimum + "|" + ExclusiveMaximum + "|" + MultipleOf;

    /// <summary>Invariant text of a finite number that fits decimal, or null.</summary>
    private static string? Number(object? value)
    {
        string? text = Convert.ToString(value, CultureInfo.InvariantCulture);
        return text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal parsed)
            ? parsed.ToString(CultureInfo.InvariantCulture)
            : null;
    }
}
