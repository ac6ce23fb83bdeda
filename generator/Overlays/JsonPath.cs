// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace LiveAvatarGen.Generator.Overlays;

/// <summary>
/// A JSONPath query (RFC 9535) over <see cref="JsonNode"/> trees, the subset real overlays use: <c>$</c>,
/// <c>.name</c> (a hyphen is accepted inside the name, as in <c>.x-vendor</c>), <c>['name']</c> with escapes,
/// <c>.*</c> and <c>[*]</c>, indexes (negative from the end), slices, unions (<c>['a','b']</c>), <c>..</c>
/// descent, and filters <c>[?...]</c> with existence tests, comparisons (<c>== != &lt; &lt;= &gt; &gt;=</c>),
/// <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> and parentheses. Function extensions (<c>length()</c>, <c>match()</c>)
/// are refused with a <see cref="JsonPathException"/>, never guessed at.
/// </summary>
internal sealed class JsonPath
{
    private readonly Segment[] _segments;

    internal JsonPath(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    /// <summary>Parses a query that starts with <c>$</c>; throws <see cref="JsonPathException"/> when it is not one.</summary>
    public static JsonPath Parse(string text) => JsonPathParser.ParseQuery(text);

    /// <summary>The nodes the query selects in <paramref name="root"/>, in document order (duplicates kept, as RFC 9535 says).</summary>
    public List<JsonPathMatch> Select(JsonNode? root) => Select(new JsonPathMatch(root, null, null, -1), root);

    /// <summary>Evaluates from <paramref name="start"/> (the root, or <c>@</c> inside a filter).</summary>
    internal List<JsonPathMatch> Select(JsonPathMatch start, JsonNode? root)
    {
        List<JsonPathMatch> current = new() { start };
        foreach (Segment segment in _segments)
        {
            List<JsonPathMatch> next = new();
            foreach (JsonPathMatch input in current)
            {
                if (segment.Descendant)
                {
                    foreach (JsonPathMatch node in DescendantsAndSelf(input))
                    {
                        segment.Apply(node, root, next);
                    }
                }
                else
                {
                    segment.Apply(input, root, next);
                }
            }

            current = next;
        }

        return current;
    }

    /// <summary>The node and everything under it, parents before children; a loop with a stack, so depth cannot overflow.</summary>
    private static IEnumerable<JsonPathMatch> DescendantsAndSelf(JsonPathMatch start)
    {
        Stack<JsonPathMatch> pending = new();
        pending.Push(start);
        while (pending.Count > 0)
        {
            JsonPathMatch match = pending.Pop();
            yield return match;
            List<JsonPathMatch> children = Children(match.Node);
            for (int i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }

    internal static List<JsonPathMatch> Children(JsonNode? node)
    {
        List<JsonPathMatch> children = new();
        if (node is JsonObject obj)
        {
            foreach (KeyValuePair<string, JsonNode?> member in obj)
            {
                children.Add(new JsonPathMatch(member.Value, obj, member.Key, -1));
            }
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                children.Add(new JsonPathMatch(array[i], array, null, i));
            }
        }

        return children;
    }

    /// <summary>One <c>.x</c>, <c>..x</c> or <c>[...]</c> step: its selectors, applied in order to each input node.</summary>
    internal sealed class Segment
    {
        public Segment(bool descendant, Selector[] selectors)
        {
            Descendant = descendant;
            Selectors = selectors;
        }

        public bool Descendant { get; }

        public Selector[] Selectors { get; }

        public void Apply(JsonPathMatch input, JsonNode? root, List<JsonPathMatch> output)
        {
            foreach (Selector selector in Selectors)
            {
                selector.Select(input, root, output);
            }
        }
    }

    internal abstract class Selector
    {
        public abstract void Select(JsonPathMatch input, JsonNode? root, List<JsonPathMatch> output);
    }

    internal sealed class NameSelector : Selector
    {
        private readonly string _name;

        public NameSelector(string name) => _name = name;

        public override void Select(JsonPathMatch input, JsonNode? root, List<JsonPathMatch> output)
        {
            if (input.Node is JsonObject obj && obj.TryGetPropertyValue(_name, out JsonNode? value))
            {
                output.Add(new JsonPathMatch(value, obj, _name, -1));
            }
        }
    }

    internal sealed class WildcardSelector : Selector
    {
        public override void Select(JsonPathMatch input, JsonNode? root, List<JsonPathMatch> output) => output.AddRange(Children(input.Node));
    }

    internal sealed class IndexSelector : Selector
    {
        private readonly long _index;

        public IndexSelector(long index) => _index = index;

        public override void Select(JsonPathMatch input, JsonNode? root, List<JsonPathMatch> output)
        {
            if (input.Node is JsonArray array)
            {
                long index = _index < 0 ? array.Count + _index : _index;
                if (index >= 0 && index < array.Count)
                {
                    output.Add(new JsonPathMatch(array[(int)index], array, null, (int)index));
                }
            }
        }
    }

    /// <summary><c>[start:end:step]</c> as RFC 9535 defines it, negative bounds and steps included.</summary>
    internal sealed class SliceSelector : Selector
    {
        private readonly long? _start;
        private readonly long? _end;
        private readonly long _step;

        public SliceSelector(long? start, long? end, long step)
        {
            _start = start;
            _end = end;
            _step = step;
        }

        public override void Select(JsonPathMatch input, JsonNode? root, List<JsonPathMatch> output)
        {
            if (input.Node is not JsonArray array || _step == 0)
            {
                return;
            }

            long length = array.Count;
            long Normalize(long i) => i >= 0 ? i : length + i;
            if (_step > 0)
            {
                long lower = Math.Min(Math.Max(Normalize(_start ?? 0), 0), length);
                long upper = Math.Min(Math.Max(Normalize(_end ?? length), 0), length);
                for (long i = lower; i < upper; i += _step)
                {
                    output.Add(new JsonPathMatch(array[(int)i], array, null, (int)i));
                }
            }
            else
            {
                long upper = Math.Min(Math.Max(Normalize(_start ?? length - 1), -1), length - 1);
                long lower = Math.Min(Math.Max(_end is { } end ? Normalize(end) : -1, -1), length - 1);
                for (long i = upper; i > lower; i += _step)
                {
                    output.Add(new JsonPathMatch(array[(int)i], array, null, (int)i));
                }
            }
        }
    }

    internal sealed class FilterSelector : Selector
    {
        private readonly JsonPathFilter.Expression _expression;

        public FilterSelector(JsonPathFilter.Expression expression) => _expression = expression;

        public override void Select(JsonPathMatch input, JsonNode? root, List<JsonPathMatch> output)
        {
            foreach (JsonPathMatch child in Children(input.Node))
            {
                if (_expression.Test(child, root))
                {
                    output.Add(child);
                }
            }
        }
    }
}
