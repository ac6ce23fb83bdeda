// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiveAvatarGen.Generator.Overlays;

/// <summary>
/// Filter expressions (<c>[?...]</c>) with RFC 9535's semantics: a query used as a value yields its one node, or
/// "nothing" when it selects none or several; two nothings are equal, nothing equals no value; <c>&lt;</c> and
/// friends compare only two numbers or two strings; numbers compare by value (<c>1 == 1.0</c>).
/// </summary>
internal static class JsonPathFilter
{
    internal abstract class Expression
    {
        public abstract bool Test(JsonPathMatch current, JsonNode? root);
    }

    internal sealed class Or : Expression
    {
        private readonly Expression[] _parts;

        public Or(Expression[] parts) => _parts = parts;

        public override bool Test(JsonPathMatch current, JsonNode? root) => Array.Exists(_parts, p => p.Test(current, root));
    }

    internal sealed class And : Expression
    {
        private readonly Expression[] _parts;

        public And(Expression[] parts) => _parts = parts;

        public override bool Test(JsonPathMatch current, JsonNode? root) => Array.TrueForAll(_parts, p => p.Test(current, root));
    }

    internal sealed class Not : Expression
    {
        private readonly Expression _inner;

        public Not(Expression inner) => _inner = inner;

        public override bool Test(JsonPathMatch current, JsonNode? root) => !_inner.Test(current, root);
    }

    /// <summary><c>@.x</c> or <c>$.x</c> alone: true when the query selects at least one node (a JSON null counts).</summary>
    internal sealed class Exists : Expression
    {
        private readonly Query _query;

        public Exists(Query query) => _query = query;

        public override bool Test(JsonPathMatch current, JsonNode? root) => _query.Select(current, root).Count > 0;
    }

    internal sealed class Comparison : Expression
    {
        private readonly Operand _left;
        private readonly string _operator;
        private readonly Operand _right;

        public Comparison(Operand left, string op, Operand right)
        {
            _left = left;
            _operator = op;
            _right = right;
        }

        public override bool Test(JsonPathMatch current, JsonNode? root)
        {
            Value left = _left.Evaluate(current, root);
            Value right = _right.Evaluate(current, root);
            return _operator switch
            {
                "==" => AreEqual(left, right),
                "!=" => !AreEqual(left, right),
                "<" => IsLess(left, right),
                "<=" => IsLess(left, right) || AreEqual(left, right),
                ">" => IsLess(right, left),
                _ => IsLess(right, left) || AreEqual(left, right),
            };
        }
    }

    /// <summary>A comparable: the one node a query gives, or a literal; <see cref="Exists"/> false is "nothing".</summary>
    internal readonly struct Value
    {
        public Value(bool exists, JsonNode? node)
        {
            IsPresent = exists;
            Node = node;
        }

        public bool IsPresent { get; }

        public JsonNode? Node { get; }
    }

    internal abstract class Operand
    {
        public abstract Value Evaluate(JsonPathMatch current, JsonNode? root);
    }

    internal sealed class Literal : Operand
    {
        private readonly JsonNode? _value;

        public Literal(JsonNode? value) => _value = value;

        public override Value Evaluate(JsonPathMatch current, JsonNode? root) => new(true, _value);
    }

    /// <summary>A query inside a filter, relative to <c>@</c> or absolute from <c>$</c>.</summary>
    internal sealed class Query : Operand
    {
        private readonly JsonPath _path;
        private readonly bool _relative;

        public Query(JsonPath path, bool relative)
        {
            _path = path;
            _relative = relative;
        }

        public List<JsonPathMatch> Select(JsonPathMatch current, JsonNode? root)
            => _path.Select(_relative ? current : new JsonPathMatch(root, null, null, -1), root);

        public override Value Evaluate(JsonPathMatch current, JsonNode? root)
        {
            List<JsonPathMatch> matches = Select(current, root);
            return matches.Count == 1 ? new Value(true, matches[0].Node) : new Value(false, null);
        }
    }

    private static bool AreEqual(Value left, Value right)
    {
        if (!left.IsPresent || !right.IsPresent)
        {
            return left.IsPresent == right.IsPresent;
        }

        return DeepEquals(left.Node, right.Node);
    }

    private static bool IsLess(Value left, Value right)
    {
        if (!left.IsPresent || !right.IsPresent)
        {
            return false;
        }

        JsonValueKind leftKind = KindOf(left.Node);
        JsonValueKind rightKind = KindOf(right.Node);
        if (leftKind == JsonValueKind.Number && rightKind == JsonValueKind.Number)
        {
            return NumberOf(left.Node!) < NumberOf(right.Node!);
        }

        return leftKind == JsonValueKind.String && rightKind == JsonValueKind.String
            && string.CompareOrdinal(left.Node!.GetValue<string>(), right.Node!.GetValue<string>()) < 0;
    }

    /// <summary>Structural equality; numbers by value, strings ordinal, members in any order.</summary>
    internal static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        JsonValueKind kind = KindOf(left);
        if (kind != KindOf(right))
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Number:
                return NumberOf(left!) == NumberOf(right!);
            case JsonValueKind.String:
                return string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Array:
                JsonArray leftArray = (JsonArray)left!;
                JsonArray rightArray = (JsonArray)right!;
                if (leftArray.Count != rightArray.Count)
                {
                    return false;
                }

                for (int i = 0; i < leftArray.Count; i++)
                {
                    if (!DeepEquals(leftArray[i], rightArray[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                JsonObject leftObject = (JsonObject)left!;
                JsonObject rightObject = (JsonObject)right!;
                if (leftObject.Count != rightObject.Count)
                {
                    return false;
                }

                foreach (KeyValuePair<string, JsonNode?> member in leftObject)
                {
                    if (!rightObject.TryGetPropertyValue(member.Key, out JsonNode? other) || !DeepEquals(member.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                // true, false, null: the kind is the value.
                return true;
        }
    }

    private static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    private static double NumberOf(JsonNode node) => double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
