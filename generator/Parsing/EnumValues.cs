// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace LiveAvatarGen.Generator.Parsing;

/// <summary>
/// An inline enum's list of values as a dictionary key: two lists are the same when they hold the same values in the
/// same order (nulls left out: a listed null only makes a use nullable) and are both integer or both not. Values are
/// compared where they stand, without writing the list out as one string: Stripe's 2,270 inline enums list up to
/// 500 values each, and building a key string per enum was the largest of mapping's own costs in Stripe's profile.
/// </summary>
internal sealed class EnumValues : IEquatable<EnumValues>
{
    private readonly bool _isInteger;
    private readonly JsonNode[] _values;
    private readonly int _hash;

    public EnumValues(bool isInteger, IList<JsonNode?> values, Func<JsonNode?, bool> isNull)
    {
        _isInteger = isInteger;
        List<JsonNode> present = new(values.Count);
        int hash = isInteger ? 1 : 2;
        foreach (JsonNode? value in values)
        {
            if (!isNull(value))
            {
                present.Add(value!);
                hash = unchecked((hash * 31) + HashOf(value!));
            }
        }

        _values = present.ToArray();
        _hash = hash;
    }

    public bool Equals(EnumValues? other)
    {
        if (other is null || other._isInteger != _isInteger || other._hash != _hash || other._values.Length != _values.Length)
        {
            return false;
        }

        for (int i = 0; i < _values.Length; i++)
        {
            if (!SameValue(_values[i], other._values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as EnumValues);

    public override int GetHashCode() => _hash;

    /// <summary>Strings, nearly every value, by their text; anything else by its JSON.</summary>
    private static bool SameValue(JsonNode left, JsonNode right)
    {
        bool leftIsText = TryText(left, out string? leftText);
        bool rightIsText = TryText(right, out string? rightText);
        if (leftIsText || rightIsText)
        {
            return leftIsText && rightIsText && string.Equals(leftText, rightText, StringComparison.Ordinal);
        }

        return string.Equals(left.ToJsonString(), right.ToJsonString(), StringComparison.Ordinal);
    }

    private static int HashOf(JsonNode value) => StringComparer.Ordinal.GetHashCode(TryText(value, out string? text) ? text! : value.ToJsonString());

    private static bool TryText(JsonNode value, out string? text)
    {
        text = null;
        return value is JsonValue scalar && scalar.TryGetValue(out text);
    }
}
